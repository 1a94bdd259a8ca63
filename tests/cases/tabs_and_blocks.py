if True:
	x = 1
	if x:
		y = 2
	else:
		y = 3
def f():
  if x:
        return 1
  return 2
while False:
    pass
    # comment at another indentation
        # and another
    x = 1
        
    y = 2
if x: y = 1; z = 2
for i in range(3): print(i); print(i * 2)
class K: x = 1; y = 2
try: x = 1
except: x = 2
with a: pass
def one_liner(x): return x * 2
