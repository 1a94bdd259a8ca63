# A recursive pure function whose parameters meet in arithmetic (its int
# version calls itself) at and past the recursion limit.
import sys
def s(a, b):
    if a + b <= 0:
        return 0
    return s(a - 1, b) + 1

print(s(500, 0))
print(s(50, 2.5))
try:
    print(s(100000, 1))
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(50)
try:
    print(s(60, 0))
except RecursionError as e:
    print("RecursionError:", e)
print(s(30, 0))
