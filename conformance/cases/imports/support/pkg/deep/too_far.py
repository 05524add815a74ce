# Helper: a relative import that goes beyond the top-level package.
from .... import nothing
