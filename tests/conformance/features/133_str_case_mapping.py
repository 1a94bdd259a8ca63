# str.upper() / str.lower() on short, long (past the inline size), one-
# character, empty, unchanged and non-ASCII text, and method calls of
# built-in objects made from loops.
words = ["", "a", "Z", "abc", "MiXeD 123!", "already lower", "ALREADY UPPER"]
long_text = "The quick brown fox jumps over the lazy dog; " * 4
words.append(long_text)
words.append(long_text[:86])
words.append(long_text[:87])
words.append("straße Ünïcödé")
for w in words:
    u = w.upper()
    l = w.lower()
    print(repr(u), repr(l), len(u), len(l), u.lower() == l, l.upper() == u)

# Results are new values that compare, hash and index like any str.
counts = {}
for w in "Ab aB AB ab Cd cD".split():
    key = w.lower()
    counts[key] = counts.get(key, 0) + 1
print(sorted(counts.items()))
print("abc".upper()[1], "ABC".lower()[-1], "xY".upper() + "Zz".lower())
print(hash("abc".upper()) == hash("ABC"), "abc".upper() in {"ABC": 1})

# Method calls of built-in objects in a loop, mixed with an instance's.
class Box:
    def lower(self):
        return "box"

items = ["Q", Box(), "rS", Box(), "tU"]
out = []
for it in items:
    out.append(it.lower())
print(out)
