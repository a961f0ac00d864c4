/// The value of a given rank in a set of samples (a median, a percentile), without sorting
/// and without data-dependent branches.
///
/// A partitioning selection (quickselect) costs a mispredicted branch for about every other
/// comparison on noise-like data; the quality index takes three such ranks of 500 values per
/// lead. A radix selection instead counts the values' order-preserving bit patterns one byte at
/// a time (four passes over shrinking candidate sets), which is branch-free and several times
/// faster at these sizes. The result is the same value any exact selection gives.
enum RankSelection {
    /// The `k`-th smallest of `x` (0-based). The values must not be NaN (NaN has no rank);
    /// −0 ranks just below +0 (equal as numbers either way).
    static func value(ofRank k: Int, in x: [Float]) -> Float {
        precondition(x.indices.contains(k), "rank \(k) outside 0..<\(x.count)")
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: x.count) { keys in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
                let keys = keys.baseAddress!, counts = counts.baseAddress!
                writeKeys(of: x, into: keys)
                return select(rank: k, among: keys, count: x.count, fromShift: 24, counts: counts)
            }
        }
    }

    /// The `low`-th and `high`-th smallest of `x` (0-based; a percentile range): the keys and
    /// their top-byte counts are made once for both, which saves a third of the work of two
    /// separate selections.
    static func values(ofRanks low: Int, _ high: Int, in x: [Float]) -> (Float, Float) {
        precondition(x.indices.contains(low) && x.indices.contains(high), "ranks \(low), \(high) outside 0..<\(x.count)")
        let n = x.count
        guard n > 1 else { return (x[0], x[0]) }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * n) { scratch in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
                let keys = scratch.baseAddress!, candidates = keys + n, counts = counts.baseAddress!
                writeKeys(of: x, into: keys)
                count(keys, n, shift: 24, into: counts)
                // Both top-byte buckets before either selection reuses the counts.
                let first = bucket(holding: low, counts: counts), second = bucket(holding: high, counts: counts)
                func finish(_ bucket: Int, _ rank: Int) -> Float {
                    let kept = keep(keys, n, shift: 24, bucket: bucket, into: candidates)
                    return select(rank: rank, among: candidates, count: kept, fromShift: 16, counts: counts)
                }
                let lowValue = finish(first.0, first.1)
                return (lowValue, finish(second.0, second.1))
            }
        }
    }

    /// Unsigned order of the keys = numeric order of the floats: negative values have every
    /// bit flipped, the others only the sign bit.
    private static func writeKeys(of x: [Float], into keys: UnsafeMutablePointer<UInt32>) {
        x.withUnsafeBufferPointer { x in
            for i in 0..<x.count {
                let bits = x[i].bitPattern
                keys[i] = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
            }
        }
    }

    /// The `rank`-th smallest of `count` keys, their bytes below `shift + 8` still to be
    /// looked at (the keys are overwritten).
    private static func select(rank k: Int, among keys: UnsafeMutablePointer<UInt32>, count n: Int, fromShift: Int,
                               counts: UnsafeMutablePointer<Int>) -> Float {
        var count = n, rank = k
        for shift in stride(from: fromShift, through: 0, by: -8) where count > 1 {
            Self.count(keys, count, shift: shift, into: counts)
            let (bucket, rest) = bucket(holding: rank, counts: counts)
            rank = rest
            count = keep(keys, count, shift: shift, bucket: bucket, into: keys)
        }
        let key = keys[0]
        return Float(bitPattern: key & 0x8000_0000 != 0 ? key & 0x7FFF_FFFF : ~key)
    }

    private static func count(_ keys: UnsafeMutablePointer<UInt32>, _ count: Int, shift: Int,
                              into counts: UnsafeMutablePointer<Int>) {
        for b in 0..<256 { counts[b] = 0 }
        for i in 0..<count { counts[Int((keys[i] >> UInt32(shift)) & 0xFF)] += 1 }
    }

    /// The byte value whose bucket holds `rank`, and the rank within that bucket.
    private static func bucket(holding rank: Int, counts: UnsafeMutablePointer<Int>) -> (Int, Int) {
        var bucket = 0, rank = rank
        while rank >= counts[bucket] {
            rank -= counts[bucket]
            bucket += 1
        }
        return (bucket, rank)
    }

    /// Copies the keys whose byte at `shift` is `bucket` to `target` (which may be `keys`
    /// itself), in order and without branching; returns how many.
    private static func keep(_ keys: UnsafeMutablePointer<UInt32>, _ count: Int, shift: Int, bucket: Int,
                             into target: UnsafeMutablePointer<UInt32>) -> Int {
        var kept = 0
        for i in 0..<count {
            let key = keys[i]
            target[kept] = key
            kept += Int((key >> UInt32(shift)) & 0xFF) == bucket ? 1 : 0
        }
        return kept
    }
}
