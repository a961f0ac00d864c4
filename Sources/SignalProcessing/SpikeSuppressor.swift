/// Removes pacemaker stimuli and other spikes narrower than any cardiac wave.
///
/// A pacing spike slews at volts per second (its rise takes well under a millisecond), about
/// ten times faster than the steepest QRS upstroke. Samples around any slew above
/// ``maximumSlew`` are replaced by a straight line between the last and first samples outside
/// the spike, so that a spike can neither pass for a QRS nor pull a fiducial off the
/// complex that follows it. O(n), in place.
public struct SpikeSuppressor: Sendable {
    /// Slew above which a sample step is not cardiac (mV per ms).
    public var maximumSlew: Double
    /// Longest stretch treated as one spike; anything longer is left alone (ms).
    public var maximumWidth: Double

    public init(maximumSlew: Double = 1.0, maximumWidth: Double = 12) {
        self.maximumSlew = maximumSlew
        self.maximumWidth = maximumWidth
    }

    /// Suppresses spikes in `signal` sampled at `samplingFrequency` Hz; returns how many.
    @discardableResult
    public func apply(to signal: inout [Float], samplingFrequency fs: Double) -> Int {
        let n = signal.count
        guard n >= 3 else { return 0 }
        let limit = Float(maximumSlew * 1000 / fs)
        let pad = max(1, Int((0.002 * fs).rounded()))
        let widest = max(2, Int(maximumWidth * fs / 1000))
        var count = 0
        var i = 0
        while i < n - 1 {
            i = Self.firstSteepStep(in: signal, from: i, limit: limit)
            guard i < n - 1 else { break }
            // Extend over steep steps separated by at most `pad` samples.
            var end = i + 1
            var j = i + 1
            while j < n - 1 && j - end <= pad {
                if abs(signal[j + 1] - signal[j]) > limit { end = j + 1 }
                j += 1
            }
            let a = max(0, i - pad), b = min(n - 1, end + pad)
            if b - a <= widest {
                let left = signal[a], right = signal[b]
                let span = Float(b - a)
                for k in (a + 1)..<b { signal[k] = left + (right - left) * Float(k - a) / span }
                count += 1
            }
            i = end + 1
        }
        return count
    }

    /// The first `i ≥ start` where `|x[i + 1] − x[i]| > limit` (`x.count − 1` if none), eight
    /// steps at a time: spikes are rare, so nearly every group is cleared at once.
    static func firstSteepStep(in x: [Float], from start: Int, limit: Float) -> Int {
        let n = x.count
        return x.withUnsafeBufferPointer { x in
            var i = start
            if let raw = UnsafeRawPointer(x.baseAddress) {
                let stride = MemoryLayout<Float>.stride
                let high = SIMD8<Float>(repeating: limit), low = -high
                while i + 9 <= n {
                    let a = raw.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
                    let b = raw.loadUnaligned(fromByteOffset: (i + 1) * stride, as: SIMD8<Float>.self)
                    let d = b - a
                    if any((d .> high) .| (d .< low)) { break }
                    i += 8
                }
            }
            while i < n - 1 {
                if abs(x[i + 1] - x[i]) > limit { return i }
                i += 1
            }
            return max(i, n - 1)
        }
    }
}
