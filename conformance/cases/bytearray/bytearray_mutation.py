# bytearray supports in-place mutation.
ba = bytearray(b"hello")
ba[0] = 72
print(ba, ba[0])
ba[1:3] = b"EY"
print(ba)
ba[1:3] = b"-----"
print(ba)
ba[::2] = b"abcd"
print(ba)
del ba[0]
del ba[::3]
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
ba.insert(0, 95)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
print(ba)
ba.reverse()
print(ba)
ba += b"++"
ba *= 2
print(ba, len(ba))
ba.clear()
print(ba, ba.copy() is ba)
for bad in (lambda: ba.append(256), lambda: ba.remove(1), lambda: ba.pop(), lambda: ba.__setitem__(0, 1),
            lambda: bytearray(b"ab").__setitem__(slice(0, 2, 1), [300]), lambda: bytearray(b"abcd").__setitem__(slice(None, None, 2), b"x")):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
