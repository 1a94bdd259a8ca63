# Built-in types cannot be changed (their methods stay what the runtime
# says); user classes, including exception subclasses, can.
for target in (list, str, int, dict, tuple, object, ValueError, Exception):
    try:
        target.append = 5
    except TypeError as e:
        print("TypeError:", e)
    try:
        del target.__doc__
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

print([1].append(2), "abc".upper())


class Mine:
    pass


class MyError(ValueError):
    pass


Mine.extra = 7
MyError.code = 3
print(Mine.extra, Mine().extra, MyError.code, MyError("x").code)
del Mine.extra
print(hasattr(Mine, "extra"))
int.real = 1
