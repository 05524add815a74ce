# An uncaught KeyboardInterrupt raised explicitly: traceback on stderr, then CPython
# re-raises SIGINT on itself, so the process dies by signal 2 (status 130 in a shell).
def loop():
    for i in range(3):
        print("iteration", i)
        if i == 1:
            raise KeyboardInterrupt

try:
    loop()
except KeyboardInterrupt:
    print("caught once")
loop()
