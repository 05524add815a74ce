if (n := len(a)) > 10:
    pass
while chunk := f.read():
    use(chunk)
[y := 1, y ** 2]
