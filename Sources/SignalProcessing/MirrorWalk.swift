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
        if phase >= period { phase = stride < period ? phase - period : phase % period }
        return index
    }
}

/// Copies of a stretch of a signal's mirror extension, run by run.
enum MirrorExtension {
    /// Writes `count` samples of `x`'s mirror extension, starting at position `origin` (any
    /// integer), into `block` as doubles: forward and reversed runs of contiguous samples.
    static func fill(_ block: UnsafeMutablePointer<Double>, count: Int, from x: UnsafeBufferPointer<Float>,
                     origin: Int) {
        guard x.count > 1 else {
            block.update(repeating: x.count == 1 ? Double(x[0]) : 0, count: count)
            return
        }
        fill(count: count, from: x, origin: origin) { j, source, run in
            let target = block + j
            for i in 0..<run { target[i] = Double(source[i]) }
        } reversed: { j, source, run in
            let target = block + j
            for i in 0..<run { target[i] = Double((source - i).pointee) }
        }
    }

    /// The same stretch of the mirror extension as floats (the single-precision FFT's input).
    static func fill(_ block: UnsafeMutablePointer<Float>, count: Int, from x: UnsafeBufferPointer<Float>,
                     origin: Int) {
        guard x.count > 1 else {
            block.update(repeating: x.count == 1 ? x[0] : 0, count: count)
            return
        }
        fill(count: count, from: x, origin: origin) { j, source, run in
            (block + j).update(from: source, count: run)
        } reversed: { j, source, run in
            let target = block + j
            for i in 0..<run { target[i] = (source - i).pointee }
        }
    }

    /// Walks the runs of the extension: `forward(j, source, run)` copies `source[0..<run]` to
    /// output position `j`, `reversed(j, source, run)` copies `source[0], source[-1], …`.
    /// `x` holds at least two samples.
    @inline(__always)
    private static func fill(count: Int, from x: UnsafeBufferPointer<Float>, origin: Int,
                             forward: (Int, UnsafePointer<Float>, Int) -> Void,
                             reversed: (Int, UnsafePointer<Float>, Int) -> Void) {
        let n = x.count
        let period = 2 * (n - 1)
        var phase = origin % period
        if phase < 0 { phase += period }
        var j = 0
        while j < count {
            if phase < n {
                // Forward run: x[phase], x[phase + 1], …, x[n − 1].
                let run = min(n - phase, count - j)
                forward(j, x.baseAddress! + phase, run)
                j += run
                phase += run
            } else {
                // Reversed run: x[period − phase], …, x[1].
                let run = min(period - phase, count - j)
                reversed(j, x.baseAddress! + (period - phase), run)
                j += run
                phase += run
            }
            if phase >= period { phase -= period }
        }
    }
}
