# Helper: imports a name from circ_from_a before circ_from_a defines it.
from support.circ_from_a import A_VALUE
B_VALUE = "b"
