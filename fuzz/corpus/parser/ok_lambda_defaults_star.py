f = lambda *args, **kwargs: (args, kwargs)
g = lambda x=(1, 2): x
