# is* predicates on ASCII and non-ASCII strings.
samples = ["abc", "ABC", "Abc", "abc123", "123", "½", "²", "٣", "一二三", "Ⅻ", "", " ", "\t\n",
           "\u00a0", "\u200b", "é", "ß", "日本", "a_b", "_", "1a", "Title Case", "x\x00", "\x7f",
           "\u0378", "\U0001F600", "𝟙", "\u2028"]
names = ["isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isspace", "isprintable",
         "isidentifier", "islower", "isupper", "istitle", "isascii"]
print(" ".join(n[2:6] for n in names))
for s in samples:
    flags = "".join("T" if getattr(s, n)() else "." for n in names)
    print(f"{s!r:>12} {flags}")
print("class".isidentifier(), "Été".isidentifier(), "a-b".isidentifier(), "℘".isidentifier())
