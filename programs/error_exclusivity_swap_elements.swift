var a = [1, 2, 3]
swap(&a[0], &a[1])
