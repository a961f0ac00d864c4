import ECGModel

/// Template-matching signal quality: how much a lead's beats resemble its average beat.
///
/// A lead carrying the ECG repeats the same P-QRS-T shape at every beat; a lead carrying noise
/// (an electrode off the skin, muscle artefact, a broken wire) does not, however large its
/// deflections are. Following Orphanidou et al. (IEEE J Biomed Health Inform 19(3):832–838, 2015),
/// each beat's window is correlated with the average of all windows, and the lead is
/// acceptable when the typical correlation reaches 0.66. The median over beats (rather than
/// the mean) keeps a few ectopic or artefact-hit beats from condemning a good lead.
public struct BeatConsistency: Sendable {
    /// Window before the beat's fiducial.
    public var before: Milliseconds
    /// Window after the beat's fiducial (QRS and most of the T wave at normal rates).
    public var after: Milliseconds
    /// Below this median correlation the lead has ``SignalProblem/inconsistentBeats``.
    public var minimumCorrelation: Double
    /// With fewer beats than this (fitting in the record) no judgement is made.
    public var minimumBeats: Int

    public init(before: Milliseconds = Milliseconds(200), after: Milliseconds = Milliseconds(400),
                minimumCorrelation: Double = 0.66, minimumBeats: Int = 3) {
        self.before = before
        self.after = after
        self.minimumCorrelation = minimumCorrelation
        self.minimumBeats = minimumBeats
    }

    /// The median correlation of each beat window with the average window, or `nil` with too
    /// few beats fitting in the record, or when the lead is constant over every window.
    /// `beats` are 0-based sample positions of one fiducial per beat; invalid samples count as 0.
    public func correlation(_ samples: [Float], beats: [Int], samplingFrequency fs: Double) -> Double? {
        guard fs.isFinite, fs > 0 else { return nil }
        let pre = Int((before.value * fs / 1000).rounded()), post = Int((after.value * fs / 1000).rounded())
        let length = pre + post + 1
        let starts = beats.map { $0 - pre }.filter { $0 >= 0 && $0 + length <= samples.count }
        guard starts.count >= max(2, minimumBeats), length > 2 else { return nil }
        // Each window's samples as Double, once, four beats side by side: element
        // `(g · length + i) · 4 + lane` is sample `i` of beat `4g + lane` (0 past the last beat).
        // Every beat's sums below then run in one SIMD lane, in the same order as a loop over
        // that beat alone, while the four lanes' additions no longer wait on each other.
        let m = starts.count, groups = (m + 3) / 4
        var windows = [Double](repeating: 0, count: groups * length * 4)
        samples.withUnsafeBufferPointer { samples in
            windows.withUnsafeMutableBufferPointer { w in
                guard let source = samples.baseAddress, let target = w.baseAddress else { return }
                // Pointer arithmetic: the starts were checked above to keep every window inside.
                for (b, start) in starts.enumerated() {
                    let x = source + start, column = target + (b / 4) * length * 4 + b % 4
                    for i in 0..<length { column[4 * i] = x[i].isFinite ? Double(x[i]) : 0 }
                }
            }
        }
        var template = [Double](repeating: 0, count: length)
        var correlations: [Double] = []
        correlations.reserveCapacity(m)
        var templateEnergy = 0.0
        windows.withUnsafeBufferPointer { windows in
            template.withUnsafeMutableBufferPointer { template in
                // Beat after beat into each sample as a loop over beats would add them, but
                // one template load and store per four beats (the four sit side by side).
                // Four samples at a time in a vector, so that the additions into one sample
                // do not wait on each other's stores.
                let target = UnsafeMutableRawPointer(template.baseAddress!)
                let stride = MemoryLayout<Double>.stride
                for g in 0..<groups {
                    let lanes = min(4, m - 4 * g)
                    let group = windows.baseAddress! + g * length * 4
                    var i = 0
                    while i + 4 <= length {
                        let beats = group + 4 * i
                        var t = target.loadUnaligned(fromByteOffset: i * stride, as: SIMD4<Double>.self)
                        for lane in 0..<lanes {
                            t += SIMD4(beats[lane], beats[4 + lane], beats[8 + lane], beats[12 + lane])
                        }
                        target.storeBytes(of: t, toByteOffset: i * stride, as: SIMD4<Double>.self)
                        i += 4
                    }
                    while i < length {
                        let beats = group + 4 * i
                        var t = template[i]
                        for lane in 0..<lanes { t += beats[lane] }
                        template[i] = t
                        i += 1
                    }
                }
                var total = 0.0
                for i in 0..<length { total += template[i] }
                let templateMean = total / Double(length)
                for i in 0..<length {
                    template[i] -= templateMean
                    templateEnergy += template[i] * template[i]
                }
                guard templateEnergy > 0, let raw = UnsafeRawPointer(windows.baseAddress) else { return }
                func beats(_ g: Int, _ i: Int) -> SIMD4<Double> {
                    raw.loadUnaligned(fromByteOffset: (g * length + i) * 4 * MemoryLayout<Double>.stride,
                                      as: SIMD4<Double>.self)
                }
                for g in 0..<groups {
                    var sum = SIMD4<Double>(repeating: 0)
                    for i in 0..<length { sum += beats(g, i) }
                    let mean = sum / Double(length)
                    var xt = SIMD4<Double>(repeating: 0), xx = xt
                    for i in 0..<length {
                        let x = beats(g, i) - mean
                        xt += x * template[i]
                        xx += x * x
                    }
                    for lane in 0..<min(4, m - 4 * g) {
                        correlations.append(xx[lane] > 0 ? xt[lane] / (xx[lane] * templateEnergy).squareRoot() : 0)
                    }
                }
            }
        }
        guard templateEnergy > 0 else { return nil }
        correlations.sort()
        let half = correlations.count / 2
        return correlations.count % 2 == 1 ? correlations[half] : (correlations[half - 1] + correlations[half]) / 2
    }

    /// `quality` with its ``LeadQuality/beatConsistency`` filled in from `samples` and `beats`,
    /// and ``SignalProblem/inconsistentBeats`` added when the correlation is too low.
    public func assess(_ quality: LeadQuality, samples: [Float], beats: [Int], samplingFrequency fs: Double) -> LeadQuality {
        var q = quality
        guard q.isUsable, let r = correlation(samples, beats: beats, samplingFrequency: fs) else { return q }
        q.beatConsistency = r
        if r < minimumCorrelation, !q.problems.contains(.inconsistentBeats) { q.problems.append(.inconsistentBeats) }
        return q
    }
}
