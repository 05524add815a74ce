# Helper module two levels deep using .. and ... relative imports.
from .. import sub
from ..sub import where
from ... import greetings
LEAF = (sub.sub_value, where(), greetings.GREETING, __name__, __package__)
