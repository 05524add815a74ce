# The script runs as __main__ with an absolute __file__ (shown as $CASES/...).
print(__name__)
print(__file__)
