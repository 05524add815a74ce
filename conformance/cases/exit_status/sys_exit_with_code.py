# sys.exit(3) ends the program with exit status 3 and no traceback.
import sys

def main():
    print("working")
    try:
        sys.exit(3)
    finally:
        print("finally runs during SystemExit")
    print("not reached")

print("start")
main()
print("not reached either")
