# Deterministic properties of the time module.
import time
t = time.time()
print(type(t).__name__, t > 1.6e9, type(time.time_ns()).__name__, time.time_ns() > 10 ** 18)
m1 = time.monotonic()
m2 = time.monotonic()
print(type(m1).__name__, m2 >= m1)
p1 = time.perf_counter()
total = sum(range(10000))
p2 = time.perf_counter()
print(p2 >= p1, type(time.perf_counter_ns()).__name__, time.monotonic_ns() >= 0)
print(time.sleep(0), type(time.process_time()).__name__)
g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_wday, g.tm_yday, g.tm_isdst, tuple(g)[:3], len(g))
g2 = time.gmtime(1700000000)
print(tuple(g2), g2[0], g2[-1])
print(time.strftime("%Y-%m-%d %H:%M:%S", g2), time.strftime("%a %b %d %j", g2), time.asctime(g2))
print(time.strftime("%%", g2), time.strftime("", g2))
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.gmtime("x")
except TypeError as e:
    print(type(e).__name__, e)
print(type(time.struct_time).__name__, isinstance(g, tuple))
