# str work: building strings, joining, splitting, searching, case mapping and formatting.

def build_lines(n):
    lines = []
    for i in range(n):
        lines.append(f"item {i}: value={i * 3} tag={'even' if i % 2 == 0 else 'odd'}")
    return lines


def main():
    lines = build_lines(200000)
    text = "\n".join(lines)
    total = 0
    evens = 0
    for line in text.split("\n"):
        parts = line.split(" ")
        total += len(parts[1])
        if parts[3].endswith("even"):
            evens += 1
    upper = text.upper()
    print(len(text), total, evens, upper.count("VALUE"), text.find("item 199999"))
    words = []
    for i in range(100000):
        words.append(str(i).replace("1", "one").strip())
    print(len(" ".join(words)))


main()
