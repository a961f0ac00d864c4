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
            var nan = 0
            for i in v.indices where !v[i].isFinite { v[i] = 0; nan += 1 }
            if v.count < n { v += [Float](repeating: 0, count: n - v.count) }
            let ok = n > 0 && nan * 10 < n
            let light = SignalMath.boxcar(v, width: odd(8))
            var s = SignalMath.derivative(light)
            for i in s.indices { s[i] = abs(s[i]) }
            s = SignalMath.boxcar(s, width: odd(8))
            let sm = SignalMath.boxcar(SignalMath.boxcar(v, width: odd(24)), width: odd(24))
            var residual = 0.0
            for i in 0..<n { residual += Double(abs(v[i] - light[i])) }
            let flat = (v.max() ?? 0) - (v.min() ?? 0) < 1e-4
            let usable = ok && !flat
            if usable { for i in 0..<n { spatial[i] += s[i] } }
            x.append(v); smooth.append(sm); slope.append(s)
            noise.append(n > 0 ? Float(residual / Double(n)) : 0)
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
