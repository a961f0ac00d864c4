/// A percentile bootstrap with a fixed seed, so the same scores always give the same interval.
///
/// Each resample draws `n` items with replacement (SplitMix64 generator, unbiased bounded draws);
/// the interval is the (1−c)/2 and (1+c)/2 quantiles of the resampled means, interpolated
/// linearly between order statistics (numpy's default). All metrics of a group use the same
/// resamples, and each group's generator is seeded from `seed` and the group's name, so a
/// group's interval does not depend on which other groups are in the file.
public struct Bootstrap: Sendable, Equatable {
    public var resamples: Int
    public var seed: UInt64
    public var confidence: Double

    public init(resamples: Int = 1000, seed: UInt64 = 20_240_601, confidence: Double = 0.95) {
        self.resamples = resamples
        self.seed = seed
        self.confidence = confidence
    }

    /// The resampled index lists for a group of `count` items named `group`.
    public func resampleIndices(count: Int, group: String) -> [[Int]] {
        guard count > 0 else { return [] }
        var rng = SplitMix64(seed: seed ^ Self.fnv1a(group))
        return (0..<resamples).map { _ in (0..<count).map { _ in rng.next(below: count) } }
    }

    /// The interval for the mean of `values`, using precomputed resamples.
    public func interval(_ values: [Double], resamples indices: [[Int]]) -> (lower: Double, upper: Double) {
        guard !values.isEmpty, !indices.isEmpty else { return (.nan, .nan) }
        let means = indices.map { sample in sample.reduce(0.0) { $0 + values[$1] } / Double(sample.count) }.sorted()
        return (Self.quantile(means, (1 - confidence) / 2), Self.quantile(means, (1 + confidence) / 2))
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
