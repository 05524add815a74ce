match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case {'key': value, **rest}:
        pass
    case [1, 2, *others] if others:
        pass
    case 'a' | 'b' as ab:
        pass
    case -1 | 1.5 | 2+3j | None | True:
        pass
    case Color.RED:
        pass
    case _:
        pass
