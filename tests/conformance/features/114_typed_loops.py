# Loops whose arithmetic the JIT runs on unboxed ints and floats: every way
# of leaving those fast paths must give CPython's results.


def overflow_mid_loop(n):
    # Grows past 48 bits (the JIT's small ints) and on into big ints.
    x = 1
    total = 0
    i = 0
    while i < n:
        x = x * 3 + i
        total += x % 1000
        i += 1
    return x, total


def mixed_int_float(n):
    acc = 0
    f = 0.5
    for i in range(n):
        acc = acc + i          # int
        f = f * 1.5 - i / 4    # float; int / int is a float
        if f > 1e6:
            f = f / 1e6
    return acc, f


def type_changes_in_loop(n):
    # `v` is an int, then a float, then a str: each change leaves the
    # typed fast path.
    v = 1
    for i in range(n):
        if i == 3:
            v = v + 0.25
        if i == 6:
            v = "s"
        v = v * 2
    return v


def guard_fails_on_parameter(a, n):
    # `a` is unknown: an int, a float or a str at run time.
    k = 0
    while k < n:
        a = a * 2
        k += 1
    return a


def division_and_modulo(n):
    total = 0
    for i in range(-n, n):
        d = i % 7 - 3
        if d != 0:
            total += i // d + i % d
    return total


def zero_division_in_loop():
    x = 10
    i = 3
    try:
        while True:
            x = x + 100 // (i - 1)
            i -= 1
    except ZeroDivisionError as e:
        return x, i, str(e)


def float_zero_division():
    t = 1.0
    try:
        for i in range(5, -1, -1):
            t = t + 1.0 / i
    except ZeroDivisionError as e:
        return round(t, 6), str(e)


def nan_and_inf(n):
    x = 1.0
    nans = nums = bigs = 0
    for i in range(n):
        x = x * 1e300
        y = x - x
        if y != y:
            nans += 1
        if y == y:
            nums += 1
        if x > 1e308:
            bigs += 1
    return nans, nums, bigs, x


def shifts_and_bits(n):
    acc = 0
    for i in range(n):
        acc = (acc << 3) ^ i
        acc = acc & 0xFFFFFFFFFFFF | (i >> 1)
    b = 1
    for _ in range(60):
        b = b << 1
    return acc, b, -b >> 70


def truth_of_numbers(n):
    count = 0
    z = 0.0
    for i in range(n):
        j = i % 3
        if j:
            count += 1
        if not z:
            count += 10
        z = z + 0.5
    return count


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def release_timing():
    # `x` holds an object, then an int computed in the loop: the object is
    # released at the assignment, as in CPython.
    x = Noisy("first")
    i = 0
    while i < 3:
        print("iteration", i)
        x = i * 2
        i += 1
    print("after loop", x)


def exception_inside_typed_loop(values):
    total = 0
    i = 0
    while i < len(values):
        try:
            total = total + values[i] * 2
        except TypeError:
            total = total - 1
        i += 1
    return total


print(overflow_mid_loop(40))
print(mixed_int_float(30))
print(type_changes_in_loop(9))
print(guard_fails_on_parameter(3, 50))
print(guard_fails_on_parameter(1.5, 10))
print(guard_fails_on_parameter("ab", 3))
print(division_and_modulo(20))
print(zero_division_in_loop())
print(float_zero_division())
print(nan_and_inf(4))
print(shifts_and_bits(40))
print(truth_of_numbers(10))
release_timing()
print(exception_inside_typed_loop([1, 2.5, "x", 4, None, 6]))


def for_over_other_iterables():
    # The loop counts natively only over ranges of small ints; other
    # iterables take the general path, whose items may be anything.
    total = 0
    for x in [1, 2, 3]:
        total += x * 2
    for x in (4, 5):
        total += x
    for x in [1, 2.5, 3]:
        total += x
    for x in range(2**50, 2**50 + 3):
        total += x % 1000
    for x in range(10, 0, -3):
        total += x
    for x in range(0):
        total += 1000
    return total


def failing_generator(n):
    for i in range(n):
        if i == 3:
            raise ValueError("stop at 3")
        yield i


def handler_sees_loop_state():
    # The accumulator lives in a machine register inside the loop; the
    # handler must see its last value.
    total = 0
    count = 0
    try:
        for x in failing_generator(10):
            total = total + x * 10
            count += 1
    except ValueError as e:
        print("handled", e, total, count)
    return total


def loop_variable_after_loop(n):
    total = 0
    for i in range(n):
        total += i
    try:
        return total, i
    except UnboundLocalError as e:
        return total, str(e)


print(for_over_other_iterables())
print(handler_sees_loop_state())
print(loop_variable_after_loop(5))
print(loop_variable_after_loop(0))
