# Integer/string conversion is limited to 4300 digits by default (CVE-2020-10735).
import sys
print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits)
print(sys.int_info.str_digits_check_threshold)
ok = int("9" * 4300)
print(len(str(ok)))
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print(type(e).__name__, e)
try:
    repr(big)
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(big)), hex(big)[:10])
print(int("f" * 5000, 16).bit_length())
sys.set_int_max_str_digits(6000)
print(len(str(big)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 7000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
sys.set_int_max_str_digits(4300)
try:
    f"{big}"
except ValueError as e:
    print(type(e).__name__, e)
