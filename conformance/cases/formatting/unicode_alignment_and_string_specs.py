# Alignment with non-ASCII fill and values; format specs that str rejects.
rows = [("名前", "値"), ("é", "x"), ("😀", "emoji")]
for a, b in rows:
    print(f"|{a:<6}|{b:>6}|", len(a))
print("{:─^20}".format(" title "), f"{'x':\u2022>5}")
print(format("abc", "\x00<5").encode(), format("abc", "{<5}") if False else format("abc", "<5") + "|")
print("{:>5}".format(None) if False else f"{str(None):>5}", f"{[1, 2]!s:>10}", f"{(1,)!r:^7}")
for spec in ("=5", "05", "+5", "z5", ",", "#5"):
    try:
        print(repr(spec), repr(format("abc", spec)))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
print(format("truncate me", ".5"), format("truncate", "10.3") + "|", format("", "*^3"))
