# Helper: 'from' import of a name that the partially initialised module lacks.
from support.circ_from_b import B_VALUE
A_VALUE = "a"
