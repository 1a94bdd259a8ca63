# int(str), int formatting and ASCII slicing: the common cases take fast
# paths; their edges must match the general code (and CPython).

for text in ["0", "7", "-7", "+7", " 42 ", "\t-13\n", "000123", "-0",
             "123456789012345678", "1234567890123456789",
             "-99999999999999999999", "1_000", " 1_2 ", "\u00a012\u2003",
             "\u0661\u0662", "٣"]:
    print(repr(text), int(text))

for bad in ["", " ", "+", "-", "12a", "1 2", "1__0", "_1", "0x10", "--1", "1.5"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)

for n in [0, 5, -5, 999, 1000, -1000, 123456, -1234567, 2**40, -(2**47),
          2**47 - 1, 2**60, -(2**70)]:
    print(f"{n:,}|{n:_}|{n:>12,}|{n:<12_}|{n:^14,}|{n:012,}|{n:=+13,}|"
          f"{n:_x}|{n:_b}|{n:#_o}|{n:n}|{n:d}|{n:e}|{n:.1%}|{n:X}|{n}")

print(f"{True:d} {False:>5} {True:,} {-0:,}")
print(format(65, "c"), format(0x1F600, "c"), format(7, "#010b"), format(-7, "#x"))
for spec in ["5,", "05,", "010,", "0=12,", "*^12,", "+,", " _"]:
    print(spec, repr(format(1234567, spec)), repr(format(-12, spec)))

s = "alpha|beta|gamma|delta"
print(s[::-1], s[::2], s[1::3], s[-1:-8:-2], s[::-5], s[5:1:-1], s[100::-1])
u = "ärger|ødegård"
print(u[::-1], u[::2], u[-2::-3])
print("".join(reversed(s))[::-1] == s)
