'abc
"def
'''ghi
f'{
