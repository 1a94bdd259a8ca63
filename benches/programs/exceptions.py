# Exceptions: raising and catching in a hot loop, a user-defined hierarchy
# matched by base class and by tuple, built-in errors (KeyError,
# IndexError, ZeroDivisionError, ValueError), try/finally, re-raise and
# raise ... from. Stresses the exception machinery.
#   usage: exceptions.py [N]   (default 70000 iterations)
import sys


class AppError(Exception):
    pass


class ParseError(AppError):
    def __init__(self, pos):
        super().__init__(f"bad input at {pos}")
        self.pos = pos


class LimitError(AppError):
    pass


def parse(i):
    if i % 7 == 0:
        raise ParseError(i)
    if i % 11 == 0:
        raise LimitError("too big")
    return i * 2


def lookup(table, items, i):
    try:
        return table[i % 13] + items[i % 17]
    except KeyError:
        return -1
    except IndexError:
        return -2


def divide(i):
    try:
        return 100 // (i % 5)
    except ZeroDivisionError as e:
        raise ValueError("no quotient") from e


def main(n):
    table = {k: k * k for k in range(10)}
    items = list(range(12))
    caught = {"parse": 0, "limit": 0, "value": 0, "cause": 0}
    total = 0
    finals = 0
    positions = 0
    for i in range(n):
        try:
            total += parse(i)
        except ParseError as e:
            caught["parse"] += 1
            positions += e.pos
        except AppError:
            caught["limit"] += 1
        total += lookup(table, items, i)
        try:
            try:
                total += divide(i)
            finally:
                finals += 1
        except (ValueError, TypeError) as e:
            caught["value"] += 1
            if isinstance(e.__cause__, ZeroDivisionError):
                caught["cause"] += 1
        try:
            try:
                if i % 3 == 0:
                    raise AppError(str(i))
            except AppError:
                raise
        except Exception as e:
            total += len(e.args[0])
    summary = " ".join(f"{k}={v}" for k, v in caught.items())
    print(f"exceptions n={n}: total={total} finals={finals} positions={positions} {summary}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 70000)
