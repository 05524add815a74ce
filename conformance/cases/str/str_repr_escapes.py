# repr of strings chooses quotes and escapes control and non-printable characters.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nret\r", "\x00\x07\x1b\x7f",
           "\\backslash", "é日本", "\u200b\u2028", "\U0001F600", "\ud800", "\x80\x9f\xa0\xad",
           "\u0378", "\U000E0001", "\ufeff", ""]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(str("quote's"), repr(repr("x")), repr(["a'b", 'c"d']))
print("%r" % "x", f"{'y'!r}", "{!r}".format("z"), "{!a}".format("é"))
print(repr("\x01\x1f"), repr("\xff\u0100"), repr("a\\nb"))
print(repr("'"), repr('"'), repr("'\""), repr("\\'"))
