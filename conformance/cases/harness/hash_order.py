# PYTHONHASHSEED=0 fixes the iteration order of a set of strings.
print(sorted({"pear", "apple", "fig"}))
print(list({"pear", "apple", "fig", "plum", "kiwi"}))
