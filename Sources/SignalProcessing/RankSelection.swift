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
                x.withUnsafeBufferPointer { x in
                    // Unsigned order of the keys = numeric order of the floats: negative values
                    // have every bit flipped, the others only the sign bit.
                    for i in 0..<x.count {
                        let bits = x[i].bitPattern
                        keys[i] = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
                    }
                }
                var count = x.count, rank = k
                for shift in stride(from: 24, through: 0, by: -8) where count > 1 {
                    for b in 0..<256 { counts[b] = 0 }
                    for i in 0..<count { counts[Int((keys[i] >> UInt32(shift)) & 0xFF)] += 1 }
                    var bucket = 0
                    while rank >= counts[bucket] {
                        rank -= counts[bucket]
                        bucket += 1
                    }
                    // Keep the candidates in that byte's bucket, in place, without branching.
                    var kept = 0
                    for i in 0..<count {
                        let key = keys[i]
                        keys[kept] = key
                        kept += Int((key >> UInt32(shift)) & 0xFF) == bucket ? 1 : 0
                    }
                    count = kept
                }
                let key = keys[0]
                return Float(bitPattern: key & 0x8000_0000 != 0 ? key & 0x7FFF_FFFF : ~key)
            }
        }
    }
}
