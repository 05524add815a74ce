# An uncaught exception raised inside a generator shows the generator frame.
def parse(lines):
    for line in lines:
        key, value = line.split("=")
        yield key.strip(), int(value)

def load(lines):
    return dict(parse(lines))

print(load(["a = 1", "b = 2"]))
print(load(["c = 3", "d = four"]))
print("not reached")
