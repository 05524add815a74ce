# Helper submodule.
sub_value = "value from pkg.sub"

def where():
    return __name__, __package__
