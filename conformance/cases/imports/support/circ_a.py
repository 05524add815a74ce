# Helper for circular imports: circ_a imports circ_b, which imports circ_a back.
print("circ_a: start")
A_EARLY = "defined before importing circ_b"
from support import circ_b
A_LATE = "defined after importing circ_b"
print("circ_a: end, circ_b saw", circ_b.SEEN)
