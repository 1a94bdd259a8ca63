# Dicts and lists: counting pseudo-random words in a dict, grouping with
# setdefault, sorting with a key, list comprehensions, slicing, append/pop
# and membership tests. Stresses hashing, dict and list operations.
#   usage: dicts_lists.py [N]   (default 120000 words)
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "qu", "ha"]


def words(n):
    seed = 12345
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        k = 1 + seed % 3
        w = ""
        s = seed
        for _ in range(k):
            w += SYLLABLES[s % len(SYLLABLES)]
            s //= 12
        out.append(w)
    return out


def main(n):
    ws = words(n)
    counts = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    by_len = {}
    for w in counts:
        by_len.setdefault(len(w), []).append(w)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    squares = [c * c for c in counts.values() if c % 2 == 1]
    stack = []
    moved = 0
    for i, w in enumerate(ws):
        if i % 3 == 0 and stack:
            moved += len(stack.pop())
        else:
            stack.append(w)
    seen = set(ws[: n // 2])
    hits = sum(1 for w in ws[n // 2 :] if w in seen)
    sizes = ",".join(f"{k}:{len(v)}" for k, v in sorted(by_len.items()))
    best = " ".join(f"{w}={c}" for w, c in top)
    print(
        f"dicts_lists n={n}: distinct={len(counts)} sizes={sizes} top={best} "
        f"sq={sum(squares)} moved={moved} left={len(stack)} hits={hits}"
    )


main(int(sys.argv[1]) if len(sys.argv) > 1 else 120000)
