# sys.setrecursionlimit changes where RecursionError happens.
import sys
old = sys.getrecursionlimit()

def depth_reached():
    count = 0
    def go():
        nonlocal count
        count += 1
        go()
    try:
        go()
    except RecursionError:
        pass
    return count

sys.setrecursionlimit(200)
print(sys.getrecursionlimit(), 150 < depth_reached() <= 200)
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit(), 4900 < depth_reached() <= 5000)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit())

for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit(1.5)
except TypeError as e:
    print(type(e).__name__, e)

def deep(n):
    return n if n == 0 else deep(n - 1)
sys.setrecursionlimit(3000)
print(deep(2500))
sys.setrecursionlimit(old)
