# An uncaught TypeError from a wrong call ends the program with a traceback.
def area(width, height):
    return width * height

def report(shapes):
    total = 0
    for s in shapes:
        total += area(*s)
    return total

print(report([(1, 2), (3, 4)]))
print(report([(1, 2), (3,)]))
print("not reached")
