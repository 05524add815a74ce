x = 'a file starting with a byte order mark'
