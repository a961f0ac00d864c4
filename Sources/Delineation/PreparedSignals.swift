import ECGModel

/// The per-lead derived signals delineation works on, computed once per record (or median beat).
struct PreparedSignals: Sendable {
    let fs: Double
    let count: Int
    /// Input samples with invalid (NaN) samples set to 0.
    var x: [[Float]]
    /// Low-passed copy for P and T (two 24 ms moving averages, first zero near 42 Hz).
    var smooth: [[Float]]
    /// Magnitude of the slope of the lightly smoothed signal, per sample.
    var slope: [[Float]]
    /// Sum of the slope magnitudes over the valid leads: the multi-lead "spatial velocity".
    var spatial: [Float]
    /// Noise level per lead: mean absolute high-frequency residual.
    var noise: [Float]
    /// Leads with usable data.
    var valid: [Bool]

    func samples(_ ms: Double) -> Int { Int((ms * fs / 1000).rounded()) }

    init(signals: [[Float]], fs: Double) {
        self.fs = fs
        let n = signals.map(\.count).max() ?? 0
        count = n
        func odd(_ ms: Double) -> Int { max(1, Int((ms * fs / 1000).rounded()) | 1) }
        var x: [[Float]] = [], smooth: [[Float]] = [], slope: [[Float]] = []
        var noise: [Float] = [], valid: [Bool] = []
        var spatial = [Float](repeating: 0, count: n)
        for lead in signals {
            var v = lead
            if v.count < n { v += [Float](repeating: 0, count: n - v.count) }
            let (nan, low, high) = Self.zeroingInvalidSamples(&v)
            let usable = n > 0 && nan * 10 < n && high - low >= 1e-4
            let light = SignalMath.boxcar(v, width: odd(8))
            var s = [Float](repeating: 0, count: n)
            var residual: Float = 0
            light.withUnsafeBufferPointer { light in
                s.withUnsafeMutableBufferPointer { s in
                    if n > 2 {
                        for i in 1..<(n - 1) { s[i] = abs(light[i + 1] - light[i - 1]) * 0.5 }
                        s[0] = s[1]; s[n - 1] = s[n - 2]
                    }
                }
                v.withUnsafeBufferPointer { v in residual = SignalMath.absoluteDifferenceSum(v, light) }
            }
            s = SignalMath.boxcar(s, width: odd(8))
            let sm = SignalMath.boxcar(SignalMath.boxcar(v, width: odd(24)), width: odd(24))
            if usable {
                spatial.withUnsafeMutableBufferPointer { spatial in
                    s.withUnsafeBufferPointer { s in for i in 0..<n { spatial[i] += s[i] } }
                }
            }
            x.append(v); smooth.append(sm); slope.append(s)
            noise.append(n > 0 ? residual / Float(n) : 0)
            valid.append(usable)
        }
        self.x = x
        self.smooth = smooth
        self.slope = slope
        self.spatial = spatial
        self.noise = noise
        self.valid = valid
    }

    /// Sets NaN and infinite samples to 0; returns how many there were and the range of the
    /// others (eight samples at a time when all are finite, the usual case).
    private static func zeroingInvalidSamples(_ v: inout [Float]) -> (invalid: Int, low: Float, high: Float) {
        let n = v.count
        var low = Float.infinity, high = -Float.infinity
        let allFinite: Bool = v.withUnsafeBufferPointer { v in
            var i = 0
            var lows = SIMD8<Float>(repeating: .infinity), highs = SIMD8<Float>(repeating: -.infinity)
            // x − x is 0 for finite samples and NaN otherwise; NaN poisons the check sum.
            var check = SIMD8<Float>(repeating: 0)
            let raw = UnsafeRawPointer(v.baseAddress)
            while i + 8 <= n, let raw {
                let x = raw.loadUnaligned(fromByteOffset: i * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                check += x - x
                lows = lows.lanewiseMin(x); highs = highs.lanewiseMax(x)
                i += 8
            }
            while i < n {
                check[0] += v[i] - v[i]
                low = min(low, v[i]); high = max(high, v[i])
                i += 1
            }
            low = min(low, lows.min()); high = max(high, highs.max())
            return check.sum() == 0
        }
        if allFinite { return (0, low, high) }
        var invalid = 0
        low = .infinity; high = -.infinity
        for i in 0..<n {
            if v[i].isFinite {
                low = min(low, v[i]); high = max(high, v[i])
            } else {
                v[i] = 0; invalid += 1
            }
        }
        return (invalid, low, high)
    }
}
