# Dict work: building, looking up, updating and iterating dicts with int and str keys.

def word_counts(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    counts = {}
    for i in range(n):
        w = words[(i * 7 + i // 3) % 8]
        counts[w] = counts.get(w, 0) + 1
    return counts


def int_keys(n):
    d = {}
    for i in range(n):
        d[i * 31 % 10007] = i
    hits = 0
    for i in range(n):
        if i in d:
            hits += d[i] & 1
    total = 0
    for k, v in d.items():
        total += k ^ v
    return len(d), hits, total


def main():
    counts = word_counts(1000000)
    keys = sorted(counts)
    print([(k, counts[k]) for k in keys])
    print(int_keys(600000))


main()
