try:
    import fast as impl
except ImportError:
    import slow as impl
if TYPE_CHECKING:
    from typing import Any
