try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    pass
