package slices

import "math/bits"

// The sorting algorithms of crossplay's sort package over slices with a less
// function: pattern-defeating quicksort (ordering ties as Go does) and a stable
// merge sort.

type sortedHint int

const (
	unknownHint sortedHint = iota
	increasingHint
	decreasingHint
)

// xorshift paper: https://www.jstatsoft.org/article/view/v008i14/xorshift.pdf
type xorshift uint64

func (r *xorshift) Next() uint64 {
	*r ^= *r << 13
	*r ^= *r >> 7
	*r ^= *r << 17
	return uint64(*r)
}

func nextPowerOfTwo(length int) uint { return 1 << bits.Len(uint(length)) }

// insertionSort sorts data[a:b] using insertion sort.
func insertionSort[E any](data []E, a, b int, less func(a, b E) bool) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && less(data[j], data[j-1]); j-- {
			data[j], data[j-1] = data[j-1], data[j]
		}
	}
}

// siftDown implements the heap property on data[lo:hi]. first is an offset into
// the array where the root of the heap lies.
func siftDown[E any](data []E, lo, hi, first int, less func(a, b E) bool) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			return
		}
		if child+1 < hi && less(data[first+child], data[first+child+1]) {
			child++
		}
		if !less(data[first+root], data[first+child]) {
			return
		}
		data[first+root], data[first+child] = data[first+child], data[first+root]
		root = child
	}
}

func heapSort[E any](data []E, a, b int, less func(a, b E) bool) {
	first, lo, hi := a, 0, b-a
	// Build heap with greatest element at top.
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDown(data, i, hi, first, less)
	}
	// Pop elements, largest first, into end of data.
	for i := hi - 1; i >= 0; i-- {
		data[first], data[first+i] = data[first+i], data[first]
		siftDown(data, lo, i, first, less)
	}
}

// pdqsort sorts data[a:b]: pattern-defeating quicksort (Orson Peters, 2021),
// falling back to heapsort after limit bad pivots.
func pdqsort[E any](data []E, a, b, limit int, less func(a, b E) bool) {
	const maxInsertion = 12
	wasBalanced, wasPartitioned := true, true
	for {
		length := b - a
		if length <= maxInsertion {
			insertionSort(data, a, b, less)
			return
		}
		if limit == 0 {
			heapSort(data, a, b, less)
			return
		}
		// After an imbalanced partition, shuffle some elements around.
		if !wasBalanced {
			breakPatterns(data, a, b, less)
			limit--
		}
		pivot, hint := choosePivot(data, a, b, less)
		if hint == decreasingHint {
			reverseRange(data, a, b, less)
			// The pivot was pivot-a elements after the start; after reversing it is
			// that many before the end.
			pivot = (b - 1) - (pivot - a)
			hint = increasingHint
		}
		// Likely already sorted: try to finish with a few insertions.
		if wasBalanced && wasPartitioned && hint == increasingHint && partialInsertionSort(data, a, b, less) {
			return
		}
		// Many elements equal to the pivot: put them aside.
		if a > 0 && !less(data[a-1], data[pivot]) {
			a = partitionEqual(data, a, b, pivot, less)
			continue
		}
		mid, alreadyPartitioned := partition(data, a, b, pivot, less)
		wasPartitioned = alreadyPartitioned
		leftLen, rightLen := mid-a, b-mid
		balanceThreshold := length / 8
		if leftLen < rightLen {
			wasBalanced = leftLen >= balanceThreshold
			pdqsort(data, a, mid, limit, less)
			a = mid + 1
		} else {
			wasBalanced = rightLen >= balanceThreshold
			pdqsort(data, mid+1, b, limit, less)
			b = mid
		}
	}
}

// partition does one quicksort partition around data[pivot]: afterwards
// data[a:newpivot] < pivot <= data[newpivot+1:b]. alreadyPartitioned reports that
// no element needed to move.
func partition[E any](data []E, a, b, pivot int, less func(a, b E) bool) (newpivot int, alreadyPartitioned bool) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1 // the unpartitioned elements are data[i:j+1]
	for i <= j && less(data[i], data[a]) {
		i++
	}
	for i <= j && !less(data[j], data[a]) {
		j--
	}
	if i > j {
		data[j], data[a] = data[a], data[j]
		return j, true
	}
	data[i], data[j] = data[j], data[i]
	i++
	j--
	for {
		for i <= j && less(data[i], data[a]) {
			i++
		}
		for i <= j && !less(data[j], data[a]) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	data[j], data[a] = data[a], data[j]
	return j, false
}

// partitionEqual partitions data[a:b] into elements equal to data[pivot] followed
// by elements greater than it; it assumes no element is smaller.
func partitionEqual[E any](data []E, a, b, pivot int, less func(a, b E) bool) (newpivot int) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1
	for {
		for i <= j && !less(data[a], data[i]) {
			i++
		}
		for i <= j && less(data[a], data[j]) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	return i
}

// partialInsertionSort partially sorts data[a:b] by shifting a few out-of-order
// elements; it reports whether the range ended up sorted.
func partialInsertionSort[E any](data []E, a, b int, less func(a, b E) bool) bool {
	const (
		maxSteps         = 5  // maximum number of adjacent out-of-order pairs that will get shifted
		shortestShifting = 50 // don't shift any elements on short arrays
	)
	i := a + 1
	for step := 0; step < maxSteps; step++ {
		for i < b && !less(data[i], data[i-1]) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < shortestShifting {
			return false
		}
		data[i], data[i-1] = data[i-1], data[i]
		// Shift the smaller one to the left.
		if i-a >= 2 {
			for j := i - 1; j >= 1; j-- {
				if !less(data[j], data[j-1]) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
		// Shift the greater one to the right.
		if b-i >= 2 {
			for j := i + 1; j < b; j++ {
				if !less(data[j], data[j-1]) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
	}
	return false
}

// breakPatterns scatters some elements around to break patterns that might cause
// imbalanced partitions.
func breakPatterns[E any](data []E, a, b int, less func(a, b E) bool) {
	length := b - a
	if length < 8 {
		return
	}
	random := xorshift(length)
	modulus := nextPowerOfTwo(length)
	idx := a + (length/4)*2 - 1
	for i := 0; i < 3; i++ {
		other := int(uint(random.Next()) & (modulus - 1))
		if other >= length {
			other -= length
		}
		data[idx+i], data[a+other] = data[a+other], data[idx+i]
	}
}

// choosePivot chooses a pivot in data[a:b]: the median of three for short ranges,
// Tukey's ninther for long ones. The hint tells whether the sampled elements were
// all increasing or all decreasing.
func choosePivot[E any](data []E, a, b int, less func(a, b E) bool) (pivot int, hint sortedHint) {
	const (
		shortestNinther = 50
		maxSwaps        = 4 * 3
	)
	l := b - a
	swaps := 0
	i, j, k := a+l/4*1, a+l/4*2, a+l/4*3
	if l >= 8 {
		if l >= shortestNinther {
			i = medianAdjacent(data, i, &swaps, less)
			j = medianAdjacent(data, j, &swaps, less)
			k = medianAdjacent(data, k, &swaps, less)
		}
		j = median(data, i, j, k, &swaps, less)
	}
	switch swaps {
	case 0:
		return j, increasingHint
	case maxSwaps:
		return j, decreasingHint
	}
	return j, unknownHint
}

// order2 returns x, y where data[x] <= data[y], counting a swap when the inputs
// were out of order.
func order2[E any](data []E, a, b int, swaps *int, less func(a, b E) bool) (int, int) {
	if less(data[b], data[a]) {
		*swaps++
		return b, a
	}
	return a, b
}

// median returns x where data[x] is the median of a, b, c.
func median[E any](data []E, a, b, c int, swaps *int, less func(a, b E) bool) int {
	a, b = order2(data, a, b, swaps, less)
	b, c = order2(data, b, c, swaps, less)
	_, b = order2(data, a, b, swaps, less)
	return b
}

// medianAdjacent finds the median of data[a-1], data[a], data[a+1].
func medianAdjacent[E any](data []E, a int, swaps *int, less func(a, b E) bool) int {
	return median(data, a-1, a, a+1, swaps, less)
}

func reverseRange[E any](data []E, a, b int, less func(a, b E) bool) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data[i], data[j] = data[j], data[i]
	}
}

// stable sorts data in ascending order as determined by less, while
// keeping the original order of equal elements.
func stable[E any](data []E, less func(a, b E) bool) {
	n := len(data)
	// Insertion-sort blocks, then merge neighbouring runs of doubling size.
	const blockSize = 20
	for a := 0; a < n; a += blockSize {
		insertionSort(data, a, min(a+blockSize, n), less)
	}
	for size := blockSize; size < n; size *= 2 {
		for a := 0; a+size < n; a += 2 * size {
			merge(data, a, a+size, min(a+2*size, n), less)
		}
	}
}

// merge stably merges the sorted runs data[a:m] and data[m:b] in place: split the
// longer run in the middle, find where its middle element goes in the other run,
// rotate the two middle pieces past each other and merge both halves.
func merge[E any](data []E, a, m, b int, less func(a, b E) bool) {
	if a >= m || m >= b {
		return
	}
	if m-a == 1 {
		// Insert data[a] into data[m:b] after the elements smaller than it.
		i := m
		for i < b && less(data[i], data[a]) {
			i++
		}
		for k := a; k < i-1; k++ {
			data[k], data[k+1] = data[k+1], data[k]
		}
		return
	}
	if b-m == 1 {
		// Insert data[m] into data[a:m] before the elements greater than it.
		i := m
		for i > a && less(data[m], data[i-1]) {
			i--
		}
		for k := m; k > i; k-- {
			data[k], data[k-1] = data[k-1], data[k]
		}
		return
	}
	var cut1, cut2 int
	if m-a >= b-m {
		cut1 = a + (m-a)/2
		// First element of data[m:b] not less than data[cut1].
		lo, hi := m, b
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if less(data[h], data[cut1]) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		cut2 = lo
	} else {
		cut2 = m + (b-m)/2
		// First element of data[a:m] greater than data[cut2].
		lo, hi := a, m
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if !less(data[cut2], data[h]) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		cut1 = lo
	}
	rotate(data, cut1, m, cut2, less)
	mid := cut1 + (cut2 - m)
	merge(data, a, cut1, mid, less)
	merge(data, mid, cut2, b, less)
}

// rotate turns data[a:m], data[m:b] into data[m:b], data[a:m] by three reversals.
func rotate[E any](data []E, a, m, b int, less func(a, b E) bool) {
	reverseRange(data, a, m, less)
	reverseRange(data, m, b, less)
	reverseRange(data, a, b, less)
}
