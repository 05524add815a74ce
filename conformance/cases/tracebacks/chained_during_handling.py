# Uncaught exception raised while handling another: implicit chaining.
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise RuntimeError(f"lookup of {key!r} failed")

config = {"host": "localhost"}
print(lookup(config, "host"))
print(lookup(config, "port"))
