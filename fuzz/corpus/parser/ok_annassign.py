count: int = 0
names: list[str]
self_x: 'Fwd' = None
(paren): int = 1
obj.field: float
