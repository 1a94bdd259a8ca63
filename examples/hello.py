# The first program: greet, compute, and show a few of the language's features.
def greet(name):
    return f"Hello, {name}!"

print(greet("world"))
squares = [n * n for n in range(10)]
print("squares:", squares)
print("sum of squares:", sum(squares))
print("2**100 =", 2 ** 100)
