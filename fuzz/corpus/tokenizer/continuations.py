x = \
  1
\

y = (
# comment
  2
)
