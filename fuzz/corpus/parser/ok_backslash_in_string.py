a = 'line one\
line two'
b = '\\'
c = "\""
