# Helper module without __all__: import * takes public names only.
public_a = "a"
public_b = "b"
_hidden = "hidden"
