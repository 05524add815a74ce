# An exception raised in finally while another propagates: context chaining.
def cleanup():
    raise OSError("cleanup failed")

def work():
    try:
        print("working")
        raise ValueError("work failed")
    finally:
        print("cleaning up")
        cleanup()

work()
print("not reached")
