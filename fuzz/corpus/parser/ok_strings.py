a = 'single'
b = "double"
c = '''triple
quoted'''
d = r'raw\n'
e = b'bytes\x00'
f = 'esc\t\u00e9\N{BULLET}'
g = 'implicit' "concat"
h = Rb'raw bytes'
