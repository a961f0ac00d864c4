/// Running, robust per-lead statistics of the slope energy, one value per scale window.
struct LeadStatistics {
    /// Typical beat energy: running median of per-window energy maxima.
    var scale: [Float]
    /// Weight in the lead combination: 0 when flat, smaller when energy is not beat-shaped.
    var weight: [Float]
    /// Factor in [0, 1] that falls to 0 in windows whose energy peak is far above anything a
    /// QRS complex of this lead produces (electrode pops, saturation steps).
    var artifactFactor: [Float]

    init(energy: [Float], bandPassed: [Float], windowLength: Int, neighbourhood: Int, flatAmplitude: Float,
         artifactLow: Float, artifactHigh: Float) {
        let n = energy.count
        let count = (n + windowLength - 1) / windowLength
        var maxima = [Float](repeating: 0, count: count)
        var means = [Float](repeating: 0, count: count)
        var amplitudes = [Float](repeating: 0, count: count)
        for k in 0..<count {
            let range = (k * windowLength)..<min(n, (k + 1) * windowLength)
            var m: Float = 0, s: Double = 0, a: Float = 0
            for i in range {
                m = max(m, energy[i])
                s += Double(energy[i])
                a = max(a, abs(bandPassed[i]))
            }
            maxima[k] = m
            means[k] = Float(s / Double(range.count))
            amplitudes[k] = a
        }
        scale = Self.runningMedian(maxima, radius: neighbourhood)
        let meanLevel = Self.runningMedian(means, radius: neighbourhood)
        let amplitude = Self.runningMedian(amplitudes, radius: neighbourhood)
        weight = [Float](repeating: 0, count: count)
        artifactFactor = [Float](repeating: 1, count: count)
        // Against a long-term (±2 min) typical energy, so that a long artifact episode does
        // not become its own reference.
        let longTerm = Self.runningMedian(maxima, radius: 60)
        for k in 0..<count where longTerm[k] > 0 {
            let ratio = maxima[k] / longTerm[k]
            artifactFactor[k] = min(1, max(0, (artifactHigh - ratio) / (artifactHigh - artifactLow)))
        }
        for k in 0..<count {
            guard amplitude[k] >= flatAmplitude, scale[k] > 0, meanLevel[k] > 0 else { continue }
            // Beat-shaped energy is sparse: its peaks stand far above its mean. Noise is dense.
            let peakiness = scale[k] / meanLevel[k]
            weight[k] = Self.weight(forPeakiness: peakiness)
        }
    }

    static func weight(forPeakiness p: Float) -> Float {
        let excess = max(p - 2, 0)
        return min(excess * excess * excess * excess, 10000)
    }

    static func runningMedian(_ x: [Float], radius: Int) -> [Float] {
        var out = x
        var buffer: [Float] = []
        buffer.reserveCapacity(2 * radius + 1)
        for k in x.indices {
            buffer.removeAll(keepingCapacity: true)
            for j in max(0, k - radius)...min(x.count - 1, k + radius) { buffer.append(x[j]) }
            buffer.sort()
            out[k] = buffer[buffer.count / 2]
        }
        return out
    }
}
