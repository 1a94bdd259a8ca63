# One-character and empty strs (shared values in tern) and str iteration
# (stepped without the general `next`): ASCII, non-ASCII, empty, exhausted.
text = "héllo, wörld ✓ ok"
chars = [c for c in text]
print(chars, len(chars))
print(list("abc"), list(""), tuple("x"))
it = iter("ab")
print(next(it), next(it), next(it, "done"), next(it, "still done"))
counts = {}
for c in "mississippi":
    counts[c] = counts.get(c, 0) + 1
print(sorted(counts.items()))
s = "abcdef"
print(s[0], s[-1], s[2:3], repr(s[3:3]), repr(s[10:]), s[::-1][0])
print("a" + s[0], s[0] * 3, s[1] == "b", s[1] < "c", hash(s[1]) == hash("b"))
print("".join(reversed("stressed")), repr("" + ""), len(""))
print([c.upper() for c in "ok✓"], "é"[0], "✓✓"[1:])
pieces = "a,,b,".split(",")
print(pieces, [len(p) for p in pieces])
print(str(7), str(7)[0], chr(65), chr(233), ord("✓"))
total = 0
for ch in "0123456789" * 3:
    total += int(ch)
print(total)
words = {"k": 1}
key = "xk"[1]
print(words[key], key in words, "k" in "kite")
