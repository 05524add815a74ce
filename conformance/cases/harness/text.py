# Non-ASCII text is written as UTF-8 (PYTHONUTF8=1); a carriage return makes the stream escaped.
print("naïve café, 東京, 🐍")
print("carriage\rreturn")
