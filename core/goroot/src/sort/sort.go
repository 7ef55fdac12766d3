// Package sort provides primitives for sorting slices and user-defined collections.
//
// This is crossplay's implementation, written for crossplay's toolchain. Sort is
// pattern-defeating quicksort, the algorithm Go uses, so unstable sorts leave
// equal elements in the same order as Go does. Slice, SliceStable and
// SliceIsSorted read the slice through crossplay's runtime type descriptors.
package sort

import "math/bits"

// An implementation of Interface can be sorted by the routines in this package.
// The methods refer to elements of the underlying collection by integer index.
type Interface interface {
	// Len is the number of elements in the collection.
	Len() int
	// Less reports whether the element with index i must sort before the element
	// with index j.
	Less(i, j int) bool
	// Swap swaps the elements with indexes i and j.
	Swap(i, j int)
}

// Sort sorts data in ascending order as determined by the Less method. It makes
// one call to data.Len to determine n and O(n*log(n)) calls to data.Less and
// data.Swap. The sort is not guaranteed to be stable.
func Sort(data Interface) {
	n := data.Len()
	if n <= 1 {
		return
	}
	pdqsort(data, 0, n, bits.Len(uint(n)))
}

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
func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// siftDown implements the heap property on data[lo:hi]. first is an offset into
// the array where the root of the heap lies.
func siftDown(data Interface, lo, hi, first int) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			return
		}
		if child+1 < hi && data.Less(first+child, first+child+1) {
			child++
		}
		if !data.Less(first+root, first+child) {
			return
		}
		data.Swap(first+root, first+child)
		root = child
	}
}

func heapSort(data Interface, a, b int) {
	first, lo, hi := a, 0, b-a
	// Build heap with greatest element at top.
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDown(data, i, hi, first)
	}
	// Pop elements, largest first, into end of data.
	for i := hi - 1; i >= 0; i-- {
		data.Swap(first, first+i)
		siftDown(data, lo, i, first)
	}
}

// pdqsort sorts data[a:b]: pattern-defeating quicksort (Orson Peters, 2021),
// falling back to heapsort after limit bad pivots.
func pdqsort(data Interface, a, b, limit int) {
	const maxInsertion = 12
	wasBalanced, wasPartitioned := true, true
	for {
		length := b - a
		if length <= maxInsertion {
			insertionSort(data, a, b)
			return
		}
		if limit == 0 {
			heapSort(data, a, b)
			return
		}
		// After an imbalanced partition, shuffle some elements around.
		if !wasBalanced {
			breakPatterns(data, a, b)
			limit--
		}
		pivot, hint := choosePivot(data, a, b)
		if hint == decreasingHint {
			reverseRange(data, a, b)
			// The pivot was pivot-a elements after the start; after reversing it is
			// that many before the end.
			pivot = (b - 1) - (pivot - a)
			hint = increasingHint
		}
		// Likely already sorted: try to finish with a few insertions.
		if wasBalanced && wasPartitioned && hint == increasingHint && partialInsertionSort(data, a, b) {
			return
		}
		// Many elements equal to the pivot: put them aside.
		if a > 0 && !data.Less(a-1, pivot) {
			a = partitionEqual(data, a, b, pivot)
			continue
		}
		mid, alreadyPartitioned := partition(data, a, b, pivot)
		wasPartitioned = alreadyPartitioned
		leftLen, rightLen := mid-a, b-mid
		balanceThreshold := length / 8
		if leftLen < rightLen {
			wasBalanced = leftLen >= balanceThreshold
			pdqsort(data, a, mid, limit)
			a = mid + 1
		} else {
			wasBalanced = rightLen >= balanceThreshold
			pdqsort(data, mid+1, b, limit)
			b = mid
		}
	}
}

// partition does one quicksort partition around data[pivot]: afterwards
// data[a:newpivot] < pivot <= data[newpivot+1:b]. alreadyPartitioned reports that
// no element needed to move.
func partition(data Interface, a, b, pivot int) (newpivot int, alreadyPartitioned bool) {
	data.Swap(a, pivot)
	i, j := a+1, b-1 // the unpartitioned elements are data[i:j+1]
	for i <= j && data.Less(i, a) {
		i++
	}
	for i <= j && !data.Less(j, a) {
		j--
	}
	if i > j {
		data.Swap(j, a)
		return j, true
	}
	data.Swap(i, j)
	i++
	j--
	for {
		for i <= j && data.Less(i, a) {
			i++
		}
		for i <= j && !data.Less(j, a) {
			j--
		}
		if i > j {
			break
		}
		data.Swap(i, j)
		i++
		j--
	}
	data.Swap(j, a)
	return j, false
}

// partitionEqual partitions data[a:b] into elements equal to data[pivot] followed
// by elements greater than it; it assumes no element is smaller.
func partitionEqual(data Interface, a, b, pivot int) (newpivot int) {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for {
		for i <= j && !data.Less(a, i) {
			i++
		}
		for i <= j && data.Less(a, j) {
			j--
		}
		if i > j {
			break
		}
		data.Swap(i, j)
		i++
		j--
	}
	return i
}

// partialInsertionSort partially sorts data[a:b] by shifting a few out-of-order
// elements; it reports whether the range ended up sorted.
func partialInsertionSort(data Interface, a, b int) bool {
	const (
		maxSteps         = 5  // maximum number of adjacent out-of-order pairs that will get shifted
		shortestShifting = 50 // don't shift any elements on short arrays
	)
	i := a + 1
	for step := 0; step < maxSteps; step++ {
		for i < b && !data.Less(i, i-1) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < shortestShifting {
			return false
		}
		data.Swap(i, i-1)
		// Shift the smaller one to the left.
		if i-a >= 2 {
			for j := i - 1; j >= 1; j-- {
				if !data.Less(j, j-1) {
					break
				}
				data.Swap(j, j-1)
			}
		}
		// Shift the greater one to the right.
		if b-i >= 2 {
			for j := i + 1; j < b; j++ {
				if !data.Less(j, j-1) {
					break
				}
				data.Swap(j, j-1)
			}
		}
	}
	return false
}

// breakPatterns scatters some elements around to break patterns that might cause
// imbalanced partitions.
func breakPatterns(data Interface, a, b int) {
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
		data.Swap(idx+i, a+other)
	}
}

// choosePivot chooses a pivot in data[a:b]: the median of three for short ranges,
// Tukey's ninther for long ones. The hint tells whether the sampled elements were
// all increasing or all decreasing.
func choosePivot(data Interface, a, b int) (pivot int, hint sortedHint) {
	const (
		shortestNinther = 50
		maxSwaps        = 4 * 3
	)
	l := b - a
	swaps := 0
	i, j, k := a+l/4*1, a+l/4*2, a+l/4*3
	if l >= 8 {
		if l >= shortestNinther {
			i = medianAdjacent(data, i, &swaps)
			j = medianAdjacent(data, j, &swaps)
			k = medianAdjacent(data, k, &swaps)
		}
		j = median(data, i, j, k, &swaps)
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
func order2(data Interface, a, b int, swaps *int) (int, int) {
	if data.Less(b, a) {
		*swaps++
		return b, a
	}
	return a, b
}

// median returns x where data[x] is the median of a, b, c.
func median(data Interface, a, b, c int, swaps *int) int {
	a, b = order2(data, a, b, swaps)
	b, c = order2(data, b, c, swaps)
	_, b = order2(data, a, b, swaps)
	return b
}

// medianAdjacent finds the median of data[a-1], data[a], data[a+1].
func medianAdjacent(data Interface, a int, swaps *int) int {
	return median(data, a-1, a, a+1, swaps)
}

func reverseRange(data Interface, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}

// Stable sorts data in ascending order as determined by the Less method, while
// keeping the original order of equal elements.
func Stable(data Interface) {
	n := data.Len()
	// Insertion-sort blocks, then merge neighbouring runs of doubling size.
	const blockSize = 20
	for a := 0; a < n; a += blockSize {
		insertionSort(data, a, min(a+blockSize, n))
	}
	for size := blockSize; size < n; size *= 2 {
		for a := 0; a+size < n; a += 2 * size {
			merge(data, a, a+size, min(a+2*size, n))
		}
	}
}

// merge stably merges the sorted runs data[a:m] and data[m:b] in place: split the
// longer run in the middle, find where its middle element goes in the other run,
// rotate the two middle pieces past each other and merge both halves.
func merge(data Interface, a, m, b int) {
	if a >= m || m >= b {
		return
	}
	if m-a == 1 {
		// Insert data[a] into data[m:b] after the elements smaller than it.
		i := m
		for i < b && data.Less(i, a) {
			i++
		}
		for k := a; k < i-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// Insert data[m] into data[a:m] before the elements greater than it.
		i := m
		for i > a && data.Less(m, i-1) {
			i--
		}
		for k := m; k > i; k-- {
			data.Swap(k, k-1)
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
			if data.Less(h, cut1) {
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
			if !data.Less(cut2, h) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		cut1 = lo
	}
	rotate(data, cut1, m, cut2)
	mid := cut1 + (cut2 - m)
	merge(data, a, cut1, mid)
	merge(data, mid, cut2, b)
}

// rotate turns data[a:m], data[m:b] into data[m:b], data[a:m] by three reversals.
func rotate(data Interface, a, m, b int) {
	reverseRange(data, a, m)
	reverseRange(data, m, b)
	reverseRange(data, a, b)
}

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

type reverse struct {
	// This embedded Interface permits Reverse to use the methods of another
	// Interface implementation.
	Interface
}

// Less returns the opposite of the embedded implementation's Less method.
func (r reverse) Less(i, j int) bool { return r.Interface.Less(j, i) }

// Reverse returns the reverse order for data.
func Reverse(data Interface) Interface { return &reverse{data} }
