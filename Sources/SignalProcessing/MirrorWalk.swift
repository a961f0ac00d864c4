/// Indices of a signal's mirror extension (about its first and last samples) visited with a
/// fixed stride, one modulo per wrap rather than per sample.
///
/// The extension of `n` samples is periodic with period `2·(n − 1)`; position `p` maps to
/// `p mod period`, folded back into the signal when it lies past the last sample.
struct MirrorWalk {
    private let count: Int
    private let period: Int
    private let stride: Int
    private var phase: Int

    /// Starts at position `start` (any integer) of the extension of a `count`-sample signal.
    init(start: Int, stride: Int, count: Int) {
        self.count = count
        self.stride = stride
        period = max(1, 2 * (count - 1))
        let p = start % period
        phase = p < 0 ? p + period : p
    }

    /// The sample index at the current position; then steps on by the stride.
    mutating func next() -> Int {
        let index = phase < count ? phase : period - phase
        phase += stride
        if phase >= period { phase %= period }
        return index
    }
}
