# upper/lower/casefold/title/capitalize/swapcase with non-ASCII and special casing.
words = ["straße", "ß", "ﬁ", "İstanbul", "ǅungla", "ŉ", "ΟΔΟΣ", "Σ", "ΣΑΣ ΣΑΣ", "hello WORLD",
         "ǆ", "ﬀ", "ẞ", "µ", "ÿ", "ᾳ", "ǰ", "they're bill's", "123abc", "a1b2"]
for w in words:
    print(w, "|", w.upper(), w.lower(), w.casefold(), w.title(), w.capitalize(), w.swapcase())
print(len("ß".upper()), len("İ".lower()), "İ".lower() == "i\u0307")
print("ß".casefold() == "ss", "Straße".casefold() == "STRASSE".casefold(), "Σ".lower(), "ΑΣ".lower())
print("hello world".title(), "HELLO".capitalize(), "élan".capitalize(), "o'neil mc-donald".title())
print(b"Hello World".swapcase(), b"abc".upper(), b"ABC\xc3".lower(), b"hi there".title())
print("ǅ".istitle(), "ǅ".isupper(), "ǅ".islower(), "ǆ".title(), "Ǆ".lower())
print("ΣΑΣ.".lower(), "Σ.Σ".lower(), "aΣ b".lower(), "ΑΣ1".lower())
