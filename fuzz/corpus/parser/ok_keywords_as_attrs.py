obj.match
obj.case
obj.type
obj._
print(match, case, type, _)
