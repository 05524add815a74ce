for *a, b in c: pass
for a, in b: pass
