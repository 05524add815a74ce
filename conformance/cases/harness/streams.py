# Both streams, and stdout without a final newline (the snapshot marks it).
import sys

sys.stderr.write("to stderr\n")
sys.stdout.write("no newline at the end")
