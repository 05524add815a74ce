# Float equality with ints, hashing, and the sys.float_info constants.
import sys
print(1.0 == 1, hash(1.0) == hash(1), 0.5 == 1 / 2, {1.0: "float"}[1])
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon)
print(sys.float_info.dig, sys.float_info.mant_dig, sys.float_info.max_exp, sys.float_info.radix)
print(sys.float_info.max_10_exp, sys.float_info.min_exp, sys.float_info.min_10_exp, sys.float_info.rounds)
print(1.0 + sys.float_info.epsilon > 1.0, 1.0 + sys.float_info.epsilon / 2 == 1.0)
print(sys.float_info.max * 2, sys.float_info.min / 2 > 0, sys.float_info.min * sys.float_info.epsilon)
print(sys.float_repr_style)
print(sorted([3.5, -1.0, 2, 0.0, -0.0, 1e-10]))
print(max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0), min(-0.0, 0.0))
print(float.__eq__(1.0, 1), float.__eq__(1.0, "1"), float.__lt__(1.0, 2))
