class T:
    kind = "T"
    def __init__(self, n):
        self.name = n
        self.items = [1, 2, 3]
    def __del__(self):
        print("del", self.name)
    def get(self):
        return self.name
    def __getitem__(self, i):
        return i * 2
    def __len__(self):
        return 3
    @property
    def prop(self):
        return "p"

T("a").kind
print("after class attr")
T("b").get()
print("after method")
T("c")[4]
print("after getitem")
len(T("d"))
print("after len")
T("e").prop
print("after property")
T("f").items[0]
print("after item of attr")
x = T("g").name + "!"
print("after concat", x)
str(T("h").name)
print("after str")
[T("i")]
print("after list display")
(T("j"), 1)
print("after tuple display")
{"k": T("k")}
print("after dict display")
getattr(T("l"), "name")
print("after getattr")
isinstance(T("m"), T)
print("after isinstance")
T("n") is None
print("after is")
T("o") == 1
print("after eq")
def f(t):
    return 1
f(T("p"))
print("after call")
for q in [T("q")]:
    pass
print("after loop")
del q
print("after del")
