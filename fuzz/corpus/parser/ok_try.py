try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    raise RuntimeError() from None
else:
    pass
finally:
    pass
