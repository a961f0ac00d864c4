import SignalProcessing

/// The leads' QRS evidence combined into one non-negative function of time.
struct DetectionFunction {
    /// Weighted mean over leads of the square root of each lead's normalised, capped slope
    /// energy: about 1 at typical beats, near 0 between beats.
    var combined: [Float]
    /// Per lead, the band-passed signal divided by the lead's amplitude scale (for fiducials).
    private var bandPassed: [[Float]]
    /// Per lead and scale window, the weight the lead carries (0 for flat or noisy stretches).
    private var weights: [[Float]]
    private let windowLength: Int
    /// Ratio of the input sampling rate to the rate the function is computed at.
    let decimation: Int
    /// Sampling rate of ``combined`` (Hz).
    let rate: Double

    init(leads: [[Float]], length n: Int, samplingFrequency fs: Double,
         configuration c: QRSDetector.Configuration) throws(FFTPlanningError) {
        let filter = try BandPassCache.shared.filter(samplingFrequency: fs, configuration: c)
        // The QRS band ends near 30 Hz, so everything after the band-pass runs at a reduced
        // rate of at least 80 Hz: the inverse FFT and every later stage shrink by the factor.
        let decimation = Self.decimation(samplingFrequency: fs, configuration: c)
        self.decimation = decimation
        let fullLength = n
        let n = (fullLength + decimation - 1) / decimation
        let fs = fs / Double(decimation)
        rate = fs
        let half = max(1, Int((c.integrationWindow.value * fs / 1000 / 2).rounded()))
        windowLength = max(1, Int((c.scaleWindow.value * fs / 1000).rounded()))
        let windowCount = (n + windowLength - 1) / windowLength
        // Slope units depend on fs; scale them so flat-lead limits are in mV.
        let slopeScale = Float(fs / 2)

        let spikes = SpikeSuppressor()
        var energies: [[Float]] = []
        var scales: [[Float]] = []
        var artifactFactors: [[Float]] = []
        bandPassed = []
        weights = []
        for lead in leads {
            var x = SignalSanitizer.holdingInvalidSamples(lead)
            if x.count < fullLength { x += [Float](repeating: x.last ?? 0, count: fullLength - x.count) }
            spikes.apply(to: &x, samplingFrequency: fs * Double(decimation))
            let bp = try x.withUnsafeBufferPointer { (b) throws(FFTPlanningError) -> [Float] in
                try filter.apply(b, decimation: decimation)
            }
            let energy = Self.integratedSlopeEnergy(bp, half: half, slopeScale: slopeScale)
            let stats = LeadStatistics(energy: energy, bandPassed: bp, windowLength: windowLength,
                                       neighbourhood: c.scaleNeighbourhood,
                                       flatAmplitude: c.flatLeadAmplitude,
                                       artifactLow: c.artifactEnergyRatio.lowerBound,
                                       artifactHigh: c.artifactEnergyRatio.upperBound)
            energies.append(energy)
            scales.append(stats.scale)
            weights.append(stats.weight)
            artifactFactors.append(stats.artifactFactor)
            var normalisedBP = bp
            for k in 0..<windowCount {
                let a = stats.scale[k] > 0 ? 1 / stats.scale[k].squareRoot() : 0
                let range = (k * windowLength)..<min(n, (k + 1) * windowLength)
                for i in range { normalisedBP[i] = abs(bp[i]) * a }
            }
            bandPassed.append(normalisedBP)
        }

        // Combine: weighted mean of capped, scale-normalised energies, weights interpolated
        // between scale-window centres so the mix changes smoothly.
        combined = [Float](repeating: 0, count: n)
        let cap = c.leadCap
        for k in 0..<windowCount {
            let range = (k * windowLength)..<min(n, (k + 1) * windowLength)
            // Leads with an artifact in this window step aside when some other lead is clean.
            var cleanWeight: Float = 0, baseWeight: Float = 0
            for l in leads.indices {
                cleanWeight += weights[l][k] * artifactFactors[l][k]
                baseWeight += weights[l][k]
            }
            if cleanWeight > 0.05 * baseWeight {
                for l in leads.indices { weights[l][k] *= artifactFactors[l][k] }
            }
            var totalWeight: Float = 0
            for l in leads.indices { totalWeight += weights[l][k] }
            if totalWeight <= 0 { continue }
            for l in leads.indices {
                let w = weights[l][k] / totalWeight
                if w == 0 { continue }
                let inverse = scales[l][k] > 0 ? 1 / scales[l][k] : 0
                energies[l].withUnsafeBufferPointer { e in
                    combined.withUnsafeMutableBufferPointer { out in
                        for i in range { out[i] += w * min(e[i] * inverse, cap).squareRoot() }
                    }
                }
            }
        }
    }

    /// The rate reduction after the band-pass: a power of two up to 8 that keeps the reduced
    /// rate at ≥ 80 Hz and its Nyquist frequency at or above the band's upper stop edge. With
    /// `bandLimit`, the Nyquist frequency also stays at or above that, so that plain
    /// subsampling of a signal band-limited there loses nothing.
    static func decimation(samplingFrequency fs: Double, configuration c: QRSDetector.Configuration,
                           bandLimit: Double = 0) -> Int {
        var decimation = 1
        while decimation < 8 && fs / Double(2 * decimation) >= 80 && c.highStop <= fs / Double(4 * decimation)
                && fs / Double(4 * decimation) >= bandLimit {
            decimation *= 2
        }
        return decimation
    }

    /// Central-difference slope, squared, summed over a centred window of `2·half + 1` samples.
    private static func integratedSlopeEnergy(_ x: [Float], half: Int, slopeScale: Float) -> [Float] {
        let n = x.count
        var squared = [Float](repeating: 0, count: n)
        if n >= 3 {
            for i in 1..<(n - 1) {
                let d = (x[i + 1] - x[i - 1]) * slopeScale
                squared[i] = d * d
            }
        }
        var out = [Float](repeating: 0, count: n)
        var sum: Double = 0
        let width = Float(2 * half + 1)
        // Running sum over [i - half, i + half].
        for i in 0..<min(half, n) { sum += Double(squared[i]) }
        for i in 0..<n {
            let enter = i + half
            if enter < n { sum += Double(squared[enter]) }
            let leave = i - half - 1
            if leave >= 0 { sum -= Double(squared[leave]) }
            out[i] = Float(max(sum, 0)) / width
        }
        return out
    }

    /// For each picked energy peak, the input-rate sample where the weighted absolute
    /// band-passed amplitude over all leads is largest within ±80 ms (parabolic
    /// interpolation between reduced-rate samples).
    ///
    /// `inputStep` is the subsampling applied before this function was computed (1 for none):
    /// fiducials are returned at the original rate, `inputLength` samples long.
    func fiducials(for peaks: [Int], inputLength: Int, inputStep: Int = 1) -> [Int] {
        let reach = max(1, Int(0.08 * rate))
        let n = combined.count
        var result: [Int] = []
        result.reserveCapacity(peaks.count)
        func amplitude(_ i: Int, _ k: Int) -> Float {
            var v: Float = 0
            for l in bandPassed.indices { v += weights[l][k] * bandPassed[l][i] }
            return v
        }
        for p in peaks {
            let k = min(p / windowLength, weights[0].count - 1)
            var best = p
            var bestValue: Float = -1
            for i in max(0, p - reach)...min(n - 1, p + reach) {
                let v = amplitude(i, k)
                if v > bestValue { bestValue = v; best = i }
            }
            var position = Double(best)
            if best > 0 && best < n - 1 {
                let a = amplitude(best - 1, k), b = bestValue, c = amplitude(best + 1, k)
                let curvature = a - 2 * b + c
                if curvature < 0 { position += Double(0.5 * (a - c) / curvature) }
            }
            var sample = min(inputLength - 1, max(0, Int((position * Double(decimation * inputStep)).rounded())))
            if let last = result.last, sample <= last { sample = last + 1 }
            if sample < inputLength { result.append(sample) }
        }
        return result
    }
}
