# Exceptions, finally and custom error classes.
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed


def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount - balance)
    return balance - amount


for amount in (30, 80):
    try:
        left = withdraw(50, amount)
    except InsufficientFunds as e:
        print("refused:", e, "| needed", e.needed)
    else:
        print("ok, left", left)
    finally:
        print("transaction closed")

try:
    {}["missing"]
except KeyError as e:
    print("KeyError:", e)

try:
    1 / 0
except ZeroDivisionError as e:
    raise ValueError("bad input") from e
