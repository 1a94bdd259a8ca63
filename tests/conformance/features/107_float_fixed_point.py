# Fixed-point float formatting (`.Nf`, tern's fast path) against CPython on
# ties, negative zero, values that round to zero, huge and tiny values and
# many precisions, through f-strings, format() and str.format.
values = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 2.675, 1.005,
          0.001, -0.001, -0.004, 0.0049999, 123456789.987654321, 1e15, 1e16,
          1e22, 1.7976931348623157e308, 5e-324, -5e-324, 0.1, 0.2, 0.3,
          1 / 3, -2 / 3, 9.995, 99.995, 0.045, 1e-7, 3.14159265358979]
for p in (0, 1, 2, 3, 6, 10, 17, 20):
    line = []
    for v in values:
        line.append(f"{v:.{p}f}")
    print(p, " ".join(line[:16]))
    print(p, " ".join(line[16:22]).replace("0000000000", "0~"))
    print(p, " ".join(line[22:]))

seed = 12345
out = []
for i in range(300):
    seed = (seed * 1103515245 + 12345) % 2147483648
    v = (seed / 2147483648 - 0.5) * 10 ** (seed % 13 - 4)
    out.append(format(v, ".2f"))
    out.append("{:.3f}".format(v))
print(" ".join(out[:40]))
print(len(" ".join(out)), sum(len(s) for s in out), out[-3:])
print(f"{1.25:.1f} {1.35:.1f} {-1.25:.1f} {0.5:.0f} {1.5:.0f} {-0.5:.0f}")
print(f"{float('inf'):.2f} {float('-inf'):.2f} {float('nan'):.2f}")
print(f"{2.5:.99f}"[:12], len(f"{2.5:.99f}"))
print(f"{3.14159:8.2f}|{3.14159:<8.2f}|{-3.14159:+.2f}|{3.14159:08.2f}|{1234567.891:,.2f}")
print(f"{True:.2f} {7:.2f} {-7:.1f}")
