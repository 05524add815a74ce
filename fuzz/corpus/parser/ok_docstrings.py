"""Module docstring."""
class C:
    """Class docstring."""
    def m(self):
        r'''Raw method docstring.'''
