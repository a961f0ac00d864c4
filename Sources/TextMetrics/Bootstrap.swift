/// A percentile bootstrap with a fixed seed, so the same scores always give the same interval.
///
/// Each resample draws `n` items with replacement (SplitMix64 generator, unbiased bounded draws);
/// the interval is the (1−c)/2 and (1+c)/2 quantiles of the resampled means, interpolated
/// linearly between order statistics (numpy's default). All metrics of a group use the same
/// resamples, and each group's generator is seeded from `seed` and the group's name, so a
/// group's interval does not depend on which other groups are in the file.
public struct Bootstrap: Sendable, Equatable {
    /// Number of resamples (default 1000).
    public var resamples: Int
    /// Generator seed (default 20240601).
    public var seed: UInt64
    /// Coverage of the interval (default 0.95).
    public var confidence: Double

    public init(resamples: Int = 1000, seed: UInt64 = 20_240_601, confidence: Double = 0.95) {
        self.resamples = resamples
        self.seed = seed
        self.confidence = confidence
    }

    /// Intervals for the means of several metrics over the same items (`columns[m][i]` is
    /// metric `m` of item `i`), all from the same resamples of a group named `group`.
    ///
    /// Indices are drawn on the fly, so memory stays O(resamples × metrics).
    public func intervals(_ columns: [[Double]], group: String) -> [(lower: Double, upper: Double)] {
        let count = columns.first?.count ?? 0
        guard count > 0, resamples > 0 else { return columns.map { _ in (.nan, .nan) } }
        var rng = SplitMix64(seed: seed ^ Self.fnv1a(group))
        var means = [[Double]](repeating: [], count: columns.count)
        for m in means.indices { means[m].reserveCapacity(resamples) }
        var sums = [Double](repeating: 0, count: columns.count)
        for _ in 0..<resamples {
            for m in sums.indices { sums[m] = 0 }
            for _ in 0..<count {
                let i = rng.next(below: count)
                for m in sums.indices { sums[m] += columns[m][i] }
            }
            for m in sums.indices { means[m].append(sums[m] / Double(count)) }
        }
        return means.map { column in
            let sorted = column.sorted()
            return (Self.quantile(sorted, (1 - confidence) / 2), Self.quantile(sorted, (1 + confidence) / 2))
        }
    }

    /// The interval for the mean of one metric.
    public func interval(_ values: [Double], group: String) -> (lower: Double, upper: Double) {
        intervals([values], group: group)[0]
    }

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast and identical on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's method with rejection).
    public mutating func next(below bound: Int) -> Int {
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }
}
