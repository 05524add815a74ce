# Integer loops: arithmetic, comparisons and branches on small ints in while and for loops.

def collatz_steps(limit):
    longest = 0
    best = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            steps += 1
        if steps > longest:
            longest = steps
            best = start
    return best, longest


def sieve_count(limit):
    flags = [True] * limit
    count = 0
    i = 2
    while i < limit:
        if flags[i]:
            count += 1
            j = i * i
            while j < limit:
                flags[j] = False
                j += i
        i += 1
    return count


def main():
    print(collatz_steps(100000), sieve_count(1000000))


main()
