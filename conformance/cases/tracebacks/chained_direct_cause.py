# Uncaught exception with an explicit cause (raise ... from ...).
class ConfigError(Exception):
    pass

def load_port(settings):
    try:
        return int(settings["port"])
    except ValueError as exc:
        raise ConfigError("port must be a number") from exc

print(load_port({"port": "8080"}))
print(load_port({"port": "eighty"}))
