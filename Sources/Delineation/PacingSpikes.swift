/// Finds pacemaker stimulus artefacts and blanks them before filtering.
///
/// A pacing spike is a deflection one or two samples wide, far steeper than any cardiac wave.
/// Left in, low-pass filtering smears it into a small hump just before the QRS that looks like
/// a P wave or an early QRS onset. Spikes are found on the raw signal from the second
/// difference: at least `minimum` mV in some lead and isolated (four times anything else within
/// 12 ms before it and from 6 ms to 12 ms after it), then replaced by a straight line across
/// ±4 ms (spikes are up to a few samples wide in some leads, and what remains of them would
/// still ring through the low-pass). The 6 ms after the spike are not compared because many
/// recorders let a stimulus decay over a few samples (LUDB 95: +0.46 mV, then 0.36, 0.17,
/// 0.02 mV of it), whose bends are as sharp as the spike's; before it, a stimulus leaves a
/// quiet baseline, while the bends of a steep QRS come in runs on both sides.
public enum PacingSpikes {
    /// Spike positions (0-based samples) over all leads, each spike reported once.
    public static func detect(_ leads: [[Float]], samplingFrequency fs: Double, minimum: Float = 0.5) -> [Int] {
        let n = leads.map(\.count).max() ?? 0
        guard n > 4 else { return [] }
        var m = [Float](repeating: 0, count: n)
        m.withUnsafeMutableBufferPointer { m in
            for lead in leads where lead.count == n {
                lead.withUnsafeBufferPointer { x in
                    for i in 1..<(n - 1) {
                        // NaN compares false, so invalid samples never count as a spike.
                        let d = abs(2 * x[i] - x[i - 1] - x[i + 1])
                        let current = m[i]
                        m[i] = d > current ? d : current
                    }
                }
            }
        }
        let near = max(2, Int((0.003 * fs).rounded()))
        let tail = max(near, Int((0.006 * fs).rounded()))
        let far = max(tail + 1, Int((0.012 * fs).rounded()))
        var spikes: [Int] = []
        var i = 1
        while i < n - 1 {
            if m[i] >= minimum {
                var local = i
                var k = i
                while k < min(n - 1, i + near) { k += 1; if m[k] > m[local] { local = k } }
                var surrounding: Float = 0
                for j in max(0, local - far)...min(n - 1, local + far) where j < local - near || j > local + tail {
                    surrounding = max(surrounding, m[j])
                }
                if m[local] >= 4 * surrounding { spikes.append(local) }
                i = local + far
            } else {
                i += 1
            }
        }
        return spikes
    }

    /// `x` with the samples around each spike replaced by linear interpolation.
    public static func blanked(_ x: [Float], spikes: [Int], samplingFrequency fs: Double) -> [Float] {
        guard !spikes.isEmpty else { return x }
        var y = x
        let half = max(2, Int((0.004 * fs).rounded()))
        for s in spikes {
            let a = max(0, s - half - 1), b = min(x.count - 1, s + half + 1)
            guard b > a, x[a].isFinite, x[b].isFinite else { continue }
            for i in (a + 1)..<b { y[i] = x[a] + (x[b] - x[a]) * Float(i - a) / Float(b - a) }
        }
        return y
    }
}
