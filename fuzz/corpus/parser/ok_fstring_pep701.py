songs = ['a', 'b']
x = f"{', '.join(songs)}"
y = f"{'\n'.join(songs)}"
z = f'{f'{f'{1}'}'}'
w = f'{x # comment
}'
