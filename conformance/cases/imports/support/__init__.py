# Helper package for the imports cases (not a case itself).
print("support/__init__ executed, __name__ =", __name__)
PACKAGE_VALUE = "from support/__init__"
