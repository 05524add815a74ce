first, *middle, last = items
*a, = b
print(*args)
return_value = *a, *b
