# Uncaught AttributeError with CPython's suggestion in the traceback.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount

acct = Account(10)
acct.deposit(5)
print(acct.balance)
try:
    acct.missing
except AttributeError as e:
    print(type(e).__name__, e, e.name, e.obj is acct)
acct.balanse
