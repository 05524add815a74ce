# Uncaught KeyError shows the repr of the key.
inventory = {"apple": 3, "pear": 0}

def take(item, n):
    if inventory[item] < n:
        raise ValueError(f"not enough {item}")
    inventory[item] -= n
    return inventory[item]

print(take("apple", 1))
print(take("apple", 2))
print(take("banana's", 1))
