# String building: f-strings with format specs, join, split, slicing,
# replace/upper/strip, str <-> int, and a character-by-character hash.
# Stresses string allocation and the str methods.
#   usage: strings.py [N]   (default 45000 records)
import sys


def record(i):
    name = "item" + str(i * 7 % 1000)
    price = (i * 37 % 10000) / 100
    return f"{i:06d}|{name:<10}|{price:>8.2f}|{name.upper()[::-1]}"


def main(n):
    lines = [record(i) for i in range(n)]
    text = "\n".join(lines)
    total = 0
    names = []
    for line in text.split("\n"):
        ident, name, price, rev = line.split("|")
        total += int(ident) + len(name.strip()) + int(price.replace(".", ""))
        if rev.startswith("9"):
            names.append(rev.lower())
    joined = ",".join(names)
    h = 0
    for c in joined[:50000]:
        h = (h * 31 + ord(c)) % 1000000007
    print(f"strings n={n}: chars={len(text)} total={total} picked={len(names)} hash={h}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 45000)
