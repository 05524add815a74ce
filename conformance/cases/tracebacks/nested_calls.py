# Uncaught exception from several nested function calls.
def parse_int(text):
    return int(text)

def parse_row(row):
    return [parse_int(cell) for cell in row.split(",")]

def parse_table(rows):
    table = []
    for row in rows:
        table.append(parse_row(row))
    return table

print(parse_table(["1,2", "3,4"]))
print("now a bad row")
parse_table(["5,6", "7,x"])
