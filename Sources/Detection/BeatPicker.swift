/// Chooses beats among the peaks of the combined detection function.
///
/// The decision follows Pan and Tompkins (1985): running signal and noise peak levels set
/// the threshold; a peak soon after a beat is rejected as that beat's T wave when its
/// energy is much lower; when no beat has come for `searchBackFactor` mean RR intervals, the
/// largest peak skipped meanwhile is taken if it clears half the threshold.
struct BeatPicker {
    private struct Candidate { var index: Int; var value: Float }

    let function: DetectionFunction
    let samplingFrequency: Double
    let configuration: QRSDetector.Configuration

    func pick() -> [Int] {
        let c = configuration
        let fs = samplingFrequency
        let refractory = max(1, Int(c.refractoryPeriod.value * fs / 1000))
        let tWave = Int(c.tWaveWindow.value * fs / 1000)
        let candidates = peaks(radius: max(1, refractory / 2))
        let n = function.combined.count

        var signalLevel: Float = 1
        var noiseLevel: Float = 0.1
        var beats: [Int] = []
        var beatValues: [Float] = []
        var recentRR: [Int] = []
        var skipped: [Candidate] = []

        func threshold() -> Float { noiseLevel + c.thresholdFraction * (signalLevel - noiseLevel) }
        func meanRR() -> Double? {
            recentRR.isEmpty ? nil : Double(recentRR.reduce(0, +)) / Double(recentRR.count)
        }
        func isTWave(_ candidate: Candidate) -> Bool {
            guard let last = beats.last, let lastValue = beatValues.last else { return false }
            return candidate.index - last < tWave && candidate.value < c.tWaveEnergyRatio * lastValue
        }
        func accept(_ candidate: Candidate, searchBack: Bool) {
            if let last = beats.last {
                recentRR.append(candidate.index - last)
                if recentRR.count > 8 { recentRR.removeFirst() }
            }
            beats.append(candidate.index)
            beatValues.append(candidate.value)
            let rate: Float = searchBack ? 0.25 : 0.125
            signalLevel += rate * (min(candidate.value, c.leadCap) - signalLevel)
            skipped.removeAll(keepingCapacity: true)
        }
        /// Takes the best skipped peak before `limit` if the gap since the last beat is too long.
        func searchBack(before limit: Int) {
            while let last = beats.last, let rr = meanRR(), Double(limit - last) > c.searchBackFactor * rr {
                let lower = threshold() / 2
                var best: Candidate?
                for s in skipped where s.index - last >= refractory && limit - s.index >= refractory
                    && s.value >= lower && !isTWave(s) {
                    if best == nil || s.value > best!.value { best = s }
                }
                guard let found = best else { return }
                let remaining = skipped.filter { $0.index > found.index }
                accept(found, searchBack: true)
                skipped = remaining
            }
        }

        for candidate in candidates {
            searchBack(before: candidate.index)
            if candidate.value >= threshold() {
                if let last = beats.last, candidate.index - last < refractory {
                    // Two peaks of one complex: keep the stronger.
                    if candidate.value > beatValues[beatValues.count - 1] {
                        beats[beats.count - 1] = candidate.index
                        beatValues[beatValues.count - 1] = candidate.value
                    }
                    continue
                }
                if isTWave(candidate) {
                    noiseLevel += 0.125 * (candidate.value - noiseLevel)
                    continue
                }
                accept(candidate, searchBack: false)
            } else {
                noiseLevel += 0.125 * (candidate.value - noiseLevel)
                skipped.append(candidate)
            }
        }
        searchBack(before: n)
        return beats
    }

    /// Local maxima of the combined function that are the largest within ±`radius`.
    private func peaks(radius: Int) -> [Candidate] {
        let x = function.combined
        let n = x.count
        var kept: [Candidate] = []
        guard n >= 3 else { return kept }
        for i in 1..<(n - 1) where x[i] > x[i - 1] && x[i] >= x[i + 1] && x[i] > 0 {
            let candidate = Candidate(index: i, value: x[i])
            var dominated = false
            while let last = kept.last, i - last.index <= radius {
                if last.value >= candidate.value { dominated = true; break }
                kept.removeLast()
            }
            if !dominated { kept.append(candidate) }
        }
        return kept
    }
}
