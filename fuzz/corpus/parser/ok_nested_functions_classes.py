def outer():
    class Inner:
        def method(self):
            def deepest():
                return lambda: self
            return deepest
    return Inner
