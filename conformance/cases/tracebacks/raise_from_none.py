# Uncaught exception raised 'from None' hides its context.
def get_user(users, name):
    try:
        return users[name]
    except KeyError:
        raise LookupError(f"no such user: {name}") from None

users = {"alice": 1}
print(get_user(users, "alice"))
get_user(users, "bob")
print("not reached")
