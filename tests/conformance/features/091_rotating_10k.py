# RotatingFileHandler at maxBytes=1000, backupCount=3 after 10,000 records:
# exactly the files CPython leaves, with the same sizes and contents.
import logging
import os
from logging.handlers import RotatingFileHandler

LOG = "091_tmp_rotating.log"
handler = RotatingFileHandler(LOG, maxBytes=1_000, backupCount=3)
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
log = logging.getLogger("rot10k")
log.setLevel(logging.DEBUG)
log.propagate = False
log.addHandler(handler)
for i in range(10_000):
    log.info("record %05d of the rotation test", i)
handler.close()
log.removeHandler(handler)
names = sorted(n for n in os.listdir(".") if n.startswith(LOG))
print(names)
for name in names:
    with open(name) as f:
        lines = f.read().splitlines()
    print(name, os.path.getsize(name), len(lines), lines[0], lines[-1])
for name in names:
    os.remove(name)
print(sorted(n for n in os.listdir(".") if n.startswith(LOG)))
