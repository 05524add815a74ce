return 1
yield 2
