# Recursive calls: naive Fibonacci and Ackermann-style mutual recursion (call overhead, frames).

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def main():
    total = fib(30)
    evens = 0
    for i in range(20000):
        if is_even(i % 400):
            evens += 1
    print(total, evens)


main()
