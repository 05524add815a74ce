# Hyperbolic functions, erf/erfc, gamma/lgamma, including poles and domain errors.
import math
def f(v):
    return format(v, ".14g") if isinstance(v, float) else v
for x in (0.0, 0.5, 1.0, -2.0):
    print(f(x), f(math.sinh(x)), f(math.cosh(x)), f(math.tanh(x)), f(math.asinh(x)))
print(f(math.acosh(1)), f(math.acosh(2)), f(math.atanh(0)), f(math.atanh(0.5)), math.tanh(math.inf), math.tanh(-math.inf))
print(f(math.erf(0)), f(math.erf(1)), f(math.erf(-1)), math.erf(math.inf), f(math.erfc(0)), f(math.erfc(1)), math.erfc(math.inf))
print(math.gamma(1), math.gamma(5), math.gamma(0.5) ** 2 == math.pi or f(math.gamma(0.5)), f(math.gamma(-0.5)), math.gamma(171) > 1e306)
print(math.lgamma(1), math.lgamma(2), f(math.lgamma(10)), f(math.lgamma(0.5)), math.lgamma(math.inf), f(math.lgamma(-0.5)))
bad = [lambda: math.acosh(0.5), lambda: math.atanh(1), lambda: math.atanh(-2), lambda: math.gamma(0),
       lambda: math.gamma(-1), lambda: math.gamma(172), lambda: math.lgamma(0), lambda: math.lgamma(-2),
       lambda: math.sinh(1000), lambda: math.cosh(-1000), lambda: math.gamma(-math.inf)]
for b in bad:
    try:
        print(b())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.sinh(-0.0), math.tanh(-0.0), math.asinh(-0.0), math.erf(-0.0), math.isnan(math.gamma(math.nan)))
