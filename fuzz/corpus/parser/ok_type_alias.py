type Point = tuple[float, float]
type ListOrSet[T] = list[T] | set[T]
type Tail[*Ts] = tuple[int, *Ts]
