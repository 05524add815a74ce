# a comment
x = 1  # trailing

    # an indented comment
#!not a shebang here
y = 2
