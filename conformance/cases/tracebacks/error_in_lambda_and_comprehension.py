# Traceback frames for lambdas, comprehensions and methods.
class Table:
    def __init__(self, rows):
        self.rows = rows

    def column(self, index):
        return [row[index] for row in self.rows]

    def apply(self, fn):
        return list(map(fn, self.rows))

t = Table([(1, 2), (3, 4)])
print(t.column(1))
print(t.apply(lambda r: r[0] * 10))
print(t.apply(lambda r: r[0] / (r[1] - 4)))
