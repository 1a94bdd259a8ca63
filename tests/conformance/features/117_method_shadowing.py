# A method call site that has cached a class's method must still see an
# instance attribute of the same name, however it was set, and see the
# method again once the attribute is gone.
class Shape:
    def __init__(self, n):
        for i in range(n):
            setattr(self, f"attr{i}", i)

    def area(self):
        return "method"

    def name(self):
        return "Shape.name"


def call_all(objs):
    return [o.area() for o in objs]


plain = Shape(0)
crowded = Shape(40)  # many keys: the dict's key filter says "maybe" for most names
print(call_all([plain, crowded]))

crowded.area = lambda: "instance attribute"
print(call_all([plain, crowded]))

del crowded.area
print(call_all([plain, crowded]))

setattr(plain, "area", lambda: "through setattr")
print(call_all([plain, crowded]))

delattr(plain, "area")
crowded.area = "not callable"
try:
    call_all([plain, crowded])
except TypeError as e:
    print("TypeError:", e)
del crowded.area
print(call_all([plain, crowded]), crowded.name())

for i in range(3):
    s = Shape(i * 10)
    if i == 2:
        s.name = lambda: "shadowed name"
    print(i, s.name(), s.area())
