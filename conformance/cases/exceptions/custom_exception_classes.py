# User-defined exception classes with attributes and custom __str__.
class AppError(Exception):
    """Base for this app."""
class ConfigError(AppError):
    def __init__(self, key, problem):
        super().__init__(key, problem)
        self.key = key
        self.problem = problem
    def __str__(self):
        return f"config key {self.key!r}: {self.problem}"

try:
    raise ConfigError("port", "must be an int")
except AppError as e:
    print(type(e).__name__, e, e.args, repr(e))
    print(isinstance(e, Exception), e.key)

class Silent(Exception):
    def __str__(self):
        return ""
print(repr(str(Silent("ignored"))), repr(Silent("ignored")))

class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr()), str(WithRepr("s")))

class Chain(AppError):
    pass
print([c.__name__ for c in Chain.__mro__])
print(AppError.__doc__, Chain.__doc__)
try:
    raise Chain("c") from ConfigError("k", "p")
except AppError as e:
    print(e, "<-", e.__cause__)
