for a in [10**30, -10**30, 7, -7, 2**64, -(2**64)+1]:
    for b in [3, -3, 10**20, -10**20, 2**64]:
        print(divmod(a, b), divmod(b, a))
print(divmod(True, 10**20), divmod(10**20, True))
try:
    divmod(10**30, 0)
except ZeroDivisionError as e:
    print(e)
