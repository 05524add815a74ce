# The builtin exception hierarchy.
def chain(cls):
    return " > ".join(c.__name__ for c in cls.__mro__)

for cls in (BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError,
            FloatingPointError, LookupError, KeyError, IndexError, ValueError,
            UnicodeDecodeError, UnicodeEncodeError, TypeError, NameError,
            UnboundLocalError, AttributeError, OSError, FileNotFoundError,
            PermissionError, TimeoutError, ConnectionResetError, RuntimeError,
            RecursionError, NotImplementedError, StopIteration, StopAsyncIteration,
            GeneratorExit, KeyboardInterrupt, SystemExit, SyntaxError,
            IndentationError, TabError, AssertionError, ImportError,
            ModuleNotFoundError, EOFError, MemoryError, BufferError, ReferenceError,
            Warning, DeprecationWarning, UserWarning, SyntaxWarning, UnicodeWarning):
    print(chain(cls))
print(EnvironmentError is OSError, IOError is OSError)
