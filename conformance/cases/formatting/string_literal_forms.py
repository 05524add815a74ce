# String literal prefixes, escapes, and implicit concatenation.
print("tab\there", 'single', """triple "double" quotes""", '''triple 'single' ''')
print(r"raw \n stays", R"RAW \t", rb"raw bytes \x00", Rb"\d", len(r"\\"), r"\"", repr(r"a\b"))
print("\x41\101\u0042\U00000043\N{LATIN SMALL LETTER D}\N{EM DASH}", "\a\b\f\v\0".encode())
print("line1\
 continued", "adjacent" " strings" ' joined', ("paren"
    "thesized"))
print(b"bytes" b" joined", f"f{'-'}" "plain" f"{1}", repr("\'" + '\"'))
print(len("\N{GRINNING FACE}"), "\u00e9" == "é", "\xe9" == "é", "e\u0301" == "é", len("e\u0301"))
for src in (r'"\N{NOT A REAL NAME}"', r'"\x4"', r'"\u12"', r'b"é"'):
    try:
        value = eval(compile(src, "<lit>", "eval"))
        print(src, "->", repr(value))
    except SyntaxError as e:
        print(src, "->", type(e).__name__, e.msg)
print(u"unicode prefix", U"too", type(u"").__name__)
