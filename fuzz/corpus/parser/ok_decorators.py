@dec
@dec.attr(arg)
@(lambda f: f)
def f(): pass

@dataclass(frozen=True)
class C: pass
