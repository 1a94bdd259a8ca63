# Slicing each built-in sequence and a user class (which receives a real
# slice object), with omitted, negative, huge and computed bounds, steps of
# every sign, and the errors CPython raises.
data = list(range(10))
word = "slicing✓"
tup = tuple("abcdef")
rng = range(3, 30, 3)


def show(x):
    print(repr(x), type(x).__name__)


for seq in (data, word, tup, rng):
    show(seq[:3])
    show(seq[-3:])
    show(seq[::2])
    show(seq[::-1])
    show(seq[5:1:-2])
    show(seq[-100:100])
    show(seq[2:2])


n = 4
show(data[n - 1:n + 2])
show(word[len(word) // 2:])
show(data[True:])


class Recorder:
    def __getitem__(self, key):
        return key


r = Recorder()
show(r[1:2])
show(r[::])
show(r[:"z":None])
s = r[1:5:2]
print(s.start, s.stop, s.step)
print(data[slice(1, 3)], word[slice(None, None, -3)])


class Seq:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, key):
        if isinstance(key, slice):
            return Seq(self.items[key])
        return self.items[key]

    def __repr__(self):
        return f"Seq({self.items})"


print(Seq([1, 2, 3, 4])[1:][::-1], Seq("abc")[0])

for bad in ("data[::0]", "word['a':]", "tup[1.5:]", "{}[1:2]", "(5)[1:]"):
    try:
        eval_result = None
        if bad == "data[::0]":
            eval_result = data[::0]
        elif bad == "word['a':]":
            eval_result = word['a':]
        elif bad == "tup[1.5:]":
            eval_result = tup[1.5:]
        elif bad == "{}[1:2]":
            eval_result = {}[1:2]
        else:
            five = 5
            eval_result = five[1:]
        print(bad, eval_result)
    except (TypeError, ValueError, KeyError) as e:
        print(bad, type(e).__name__, e)


def tail(xs, k):
    return xs[-k:]


print(tail(data, 3), tail("abcdef", 2), tail((1, 2), 5))
for r in (range(3, 30, 3), range(10, -10, -4), range(0)):
    for k in (slice(1, 100, 4), slice(100, -100, -7), slice(None, None, -2), slice(-2, None)):
        print(r[k], list(r[k]) == list(r)[k])
