# sys.set_coroutine_origin_tracking_depth: cr_origin records where coroutines were made.
import sys
async def co(): pass
def make():
    return co()
print(sys.get_coroutine_origin_tracking_depth())
c = co(); print(c.cr_origin); c.close()
sys.set_coroutine_origin_tracking_depth(2)
print(sys.get_coroutine_origin_tracking_depth())
c = make()
print([(f.rsplit("/", 1)[-1], l, n) for f, l, n in c.cr_origin]); c.close()
sys.set_coroutine_origin_tracking_depth(10)
c = make(); print(len(c.cr_origin), c.cr_origin[-1][2]); c.close()
for bad in (-1, 1.5, "x", 2**70):
    try: sys.set_coroutine_origin_tracking_depth(bad)
    except (ValueError, TypeError, OverflowError) as e: print(type(e).__name__, e)
try: sys.set_coroutine_origin_tracking_depth()
except TypeError as e: print(e)
sys.set_coroutine_origin_tracking_depth(depth=0)
c = make(); print(c.cr_origin); c.close()
async def ag(): yield
print(hasattr(ag(), "ag_origin"))
