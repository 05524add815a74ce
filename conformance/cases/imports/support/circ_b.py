# Helper for circular imports: sees the partially initialised circ_a.
print("circ_b: start")
from support import circ_a
SEEN = sorted(name for name in vars(circ_a) if name.startswith("A_"))
print("circ_b: circ_a has", SEEN)
try:
    circ_a.A_LATE
except AttributeError as e:
    message = str(e)
    print("circ_b:", type(e).__name__, "partially initialized" in message, "circular import" in message)
