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
            var nan = 0
            var low = Float.infinity, high = -Float.infinity
            for i in 0..<n {
                if v[i].isFinite {
                    low = min(low, v[i]); high = max(high, v[i])
                } else {
                    v[i] = 0; nan += 1
                }
            }
            let usable = n > 0 && nan * 10 < n && high - low >= 1e-4
            let light = SignalMath.boxcar(v, width: odd(8))
            var s = [Float](repeating: 0, count: n)
            var residual: Float = 0
            if n > 2 {
                for i in 1..<(n - 1) { s[i] = abs(light[i + 1] - light[i - 1]) * 0.5 }
                s[0] = s[1]; s[n - 1] = s[n - 2]
            }
            for i in 0..<n { residual += abs(v[i] - light[i]) }
            s = SignalMath.boxcar(s, width: odd(8))
            let sm = SignalMath.boxcar(SignalMath.boxcar(v, width: odd(24)), width: odd(24))
            if usable { for i in 0..<n { spatial[i] += s[i] } }
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
}
