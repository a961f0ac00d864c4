import ECGModel

/// Finds P, QRS and T onsets, peaks and offsets per beat and per lead, types the beats, and
/// builds the dominant median beat with its global fiducials.
///
/// The signals should be filtered (baseline wander removed, low-passed around 40–150 Hz);
/// the beats come from the QRS detector (one fiducial per beat, anywhere within the QRS).
public struct Delineator: Sendable {
    public var settings: DelineationSettings

    public init(settings: DelineationSettings = .standard) {
        self.settings = settings
    }

    /// Delineates a record whose leads are already filtered.
    ///
    /// `pacingSpikes` (from ``PacingSpikes``) keep each paced beat's QRS onset after its
    /// stimulus: what follows the spike is the evoked depolarisation.
    public func delineate(_ record: ECGRecord, fiducials: [Int], pacingSpikes: [Int] = []) -> RecordDelineation {
        delineate(signals: record.leads.map(\.samples), leads: record.leads.map(\.lead),
                  labels: record.leads.map(\.label), samplingFrequency: record.samplingFrequency,
                  fiducials: fiducials, pacingSpikes: pacingSpikes)
    }

    public func delineate(signals: [[Float]], leads: [Lead], labels: [String],
                          samplingFrequency: SamplingFrequency, fiducials: [Int],
                          pacingSpikes: [Int] = []) -> RecordDelineation {
        let fs = samplingFrequency.hertz
        let sig = PreparedSignals(signals: signals, fs: fs)
        let core = BeatDelineator(settings: settings, sig: sig)
        let n = sig.count
        let sorted = fiducials.filter { $0 >= 0 && $0 < n }.sorted()
        var empty = RecordDelineation(samplingFrequency: samplingFrequency, leads: leads, labels: labels,
                                      beats: [], representative: nil, dominantRR: nil)
        guard !sorted.isEmpty, n > 0 else { return empty }

        // Align every beat on its steepest multi-lead slope, and find rough QRS limits.
        let search = sig.samples(settings.qrsSearch)
        var centers: [Int] = []
        var widths: [Int] = []
        for (k, f) in sorted.enumerated() {
            let lower = k > 0 ? (sorted[k - 1] + f) / 2 : 0
            let upper = k + 1 < sorted.count ? (f + sorted[k + 1]) / 2 : n - 1
            let c = SignalMath.argmax(sig.spatial, max(lower, f - search), min(upper, f + search)) ?? f
            centers.append(c)
            if let q = core.globalQRS(center: c, lower: lower, upper: upper) {
                widths.append(q.offset - q.onset)
            } else {
                widths.append(0)
            }
        }
        let classifier = BeatClassifier(settings: settings, sig: sig)
        let classes = classifier.classify(centers: centers, widths: widths)
        let dominant = centers.indices.filter { classes[$0].type == .dominant }
        var dominantRRs: [Double] = []
        for k in dominant where k > 0 && classes[k - 1].type == .dominant {
            dominantRRs.append(Double(centers[k] - centers[k - 1]))
        }
        let allRRs = zip(centers.dropFirst(), centers).map { Double($0 - $1) }
        let rr = SignalMath.median(dominantRRs) ?? SignalMath.median(allRRs) ?? fs
        empty.dominantRR = dominantRRs.isEmpty && allRRs.isEmpty ? nil : rr
        // In bigeminy no two dominant beats are consecutive and the RRs alternate: the median
        // beat's P side is bounded by the cycle that ends in a dominant beat (the pause after
        // the ectopic beat) and its T side by the cycle that follows it (the coupling interval),
        // not by one median of both.
        let rrIntoDominant = SignalMath.median(dominantRRs)
            ?? SignalMath.median(dominant.filter { $0 > 0 }.map { Double(centers[$0] - centers[$0 - 1]) }) ?? rr
        let rrOutOfDominant = SignalMath.median(dominantRRs)
            ?? SignalMath.median(dominant.filter { $0 + 1 < centers.count }.map { Double(centers[$0 + 1] - centers[$0]) }) ?? rr

        // Median beat of the dominant type.
        let template = MedianBeat.build(sig: sig, centers: dominant.map { centers[$0] }, rr: rrIntoDominant,
                                        rrAfter: rrOutOfDominant)
        var representative: RepresentativeBeat? = nil
        var pTemplate: (segment: [[Float]], peak: Int, start: Int, end: Int)? = nil
        if let template {
            let tsig = PreparedSignals(signals: template.samples, fs: fs)
            let tcore = BeatDelineator(settings: settings, sig: tsig)
            // Paced rhythm: the median beat's QRS starts after the (blanked) stimulus too.
            var lowerBound = 0
            let spikeLeads = dominant.compactMap { k -> Int? in
                let c = centers[k]
                return pacingSpikes.last { $0 < c - sig.samples(10) && $0 > c - sig.samples(150) }.map { c - $0 }
            }
            if spikeLeads.count * 2 > dominant.count, let lead = SignalMath.median(spikeLeads) {
                lowerBound = max(0, template.center - lead + sig.samples(6))
            }
            let ctx = BeatContext(center: template.center,
                                  pLimit: max(0, template.center - Int(0.55 * rrIntoDominant)),
                                  tLimit: tLimitFor(center: template.center, rrNext: rrOutOfDominant, fs: fs, count: tsig.count),
                                  tPeakLimit: tPeakLimitFor(center: template.center, rrNext: rrOutOfDominant, fs: fs),
                                  pMode: .detect, lowerBound: lowerBound, upperBound: tsig.count - 1, isRepresentative: true,
                                  dominantRR: Int(rrIntoDominant))
            if var r = tcore.delineate(ctx) {
                if r.global.pPeak != nil, hasContinuousAtrialActivity(r, sig: tsig, rr: Int(rrIntoDominant)) {
                    // Flutter waves, not a P wave: the same deflection recurs in the TP segment.
                    empty.continuousAtrialActivity = true
                    r.global.pOnset = nil; r.global.pPeak = nil; r.global.pOffset = nil
                    for l in r.leads.indices { r.leads[l].p = nil }
                }
                representative = RepresentativeBeat(samples: template.samples, center: template.center,
                                                    global: r.global, leads: r.leads, baseline: r.baseline,
                                                    beatCount: template.beatCount)
                if let pOn = r.global.pOnset, let pOff = r.global.pOffset, let pk = r.global.pPeak {
                    let a = max(0, pOn - sig.samples(20)), b = min(tsig.count - 1, pOff + sig.samples(20))
                    if b > a {
                        pTemplate = (tsig.smooth.map { Array($0[a...b]) }, pk - template.center,
                                     a - template.center, b - template.center)
                    }
                }
            }
        }

        // Every beat, with windows bounded by its neighbours.
        var beats: [DelineatedBeat] = []
        var previousTEnd: Int? = nil
        for (k, c) in centers.enumerated() {
            let prev = k > 0 ? centers[k - 1] : nil
            let next = k + 1 < centers.count ? centers[k + 1] : nil
            let rrPrev = prev.map { Double(c - $0) } ?? rr
            let rrNext = next.map { Double($0 - c) } ?? rr
            var pLimit = max(0, c - Int(0.6 * rrPrev))
            if let t = previousTEnd, t < c { pLimit = max(pLimit, t) }
            var pMode: PMode = .absent
            if let p = pTemplate {
                let (corr, shift) = correlate(sig: sig, template: p, center: c)
                if corr >= settings.pTemplateCorrelation {
                    pMode = .near(c + p.peak + shift)
                } else if k == 0, classes[k].type == .dominant, c + p.peak > 0 {
                    // The first beat has no preceding T, which the template (cut from the
                    // median beat) carries at fast rates: look where the template puts the P
                    // and let the amplitude test decide.
                    pMode = .near(c + p.peak + (corr.isNaN ? 0 : shift))
                }
            }
            var lowerBound = prev.map { ($0 + c) / 2 } ?? 0
            if let spike = pacingSpikes.last(where: { $0 < c - sig.samples(10) && $0 > c - sig.samples(150) }) {
                lowerBound = max(lowerBound, spike + sig.samples(6))
            }
            let ctx = BeatContext(center: c, pLimit: pLimit,
                                  tLimit: tLimitFor(center: c, rrNext: rrNext, fs: fs, count: n),
                                  tPeakLimit: tPeakLimitFor(center: c, rrNext: rrNext, fs: fs),
                                  pMode: pMode, lowerBound: lowerBound,
                                  upperBound: next.map { ($0 + c) / 2 } ?? n - 1)
            guard let r = core.delineate(ctx) else { continue }
            previousTEnd = r.global.tOffset
            beats.append(DelineatedBeat(fiducial: sorted[k], classification: classes[k],
                                        global: r.global, leads: r.leads, pacingSpike: nil))
        }
        empty.beats = beats
        empty.representative = representative
        return empty
    }

    /// Whether the median beat's PR segment (or, when that is too short, its TP segment) holds
    /// deflections (90 % of its size) as large as its "P wave" in two thirds of the leads that show the P: atrial
    /// flutter's continuous F waves rather than one P per beat. In sinus rhythm these segments
    /// are nearly isoelectric (the atrial repolarisation or U wave is far smaller than the P).
    func hasContinuousAtrialActivity(_ r: BeatDelineator.Result, sig: PreparedSignals, rr: Int) -> Bool {
        guard let pOn = r.global.pOnset, let pOff = r.global.pOffset else { return false }
        var segments: [ClosedRange<Int>] = []
        // The previous T ends about 120 ms after its peak; its measured end is unreliable here,
        // since flutter waves riding on it are what is being looked for.
        if let tPeak = r.global.tPeak {
            let a = max(0, tPeak - rr + sig.samples(120)), b = pOn - sig.samples(20)
            if b - a >= sig.samples(60) { segments.append(a...b) }
        }
        // The PR segment, when long enough, is the cleaner witness (no U wave can sit there).
        let a = pOff + sig.samples(20), b = r.global.qrsOnset - sig.samples(10)
        if b - a >= sig.samples(60) { segments = [a...b] }
        guard !segments.isEmpty else { return false }
        var pLeads = 0, busy = 0
        func size(_ l: Int, _ range: ClosedRange<Int>) -> Float {
            let segment = sig.smooth[l][range]
            return (segment.max() ?? 0) - (segment.min() ?? 0)
        }
        for l in r.leads.indices where sig.valid[l] && r.leads[l].p != nil {
            // The P's own peak-to-peak size: its amplitude from the PR level means nothing when
            // the "PR segment" is itself on a flutter wave.
            let pSize = size(l, pOn...pOff)
            guard pSize >= 0.05 else { continue }
            pLeads += 1
            let active = segments.allSatisfy { size(l, $0) >= 0.9 * pSize }
            if active { busy += 1 }
        }
        return pLeads >= 2 && busy * 3 > pLeads * 2
    }

    /// The T search ends before the next beat's P: 0.6 RR + 120 ms after the QRS (QT grows
    /// with RR), never closer than 100 ms to the next QRS, and at most 700 ms.
    func tLimitFor(center: Int, rrNext: Double, fs: Double, count: Int) -> Int {
        let span = min(0.6 * rrNext + 0.12 * fs, rrNext - 0.1 * fs, 0.7 * fs)
        return min(count - 1, center + Int(span))
    }

    /// The T peak comes at most 480 ms × √RR (s) after the QRS: the peak of a T wave ending at a
    /// QTc near 600 ms, beyond any measured long QT. At fast rates the next beat's P wave lies
    /// inside the T search window; a flat T must not be replaced by that P.
    func tPeakLimitFor(center: Int, rrNext: Double, fs: Double) -> Int {
        center + Int(0.48 * (max(rrNext, 1) / fs).squareRoot() * fs)
    }

    /// Correlation of a beat's P region with the dominant P template over all leads, best over
    /// shifts of ±24 ms (PR varies a little from beat to beat). Each lead's segment is compared
    /// with its mean removed, so baseline offsets do not count as similarity.
    func correlate(sig: PreparedSignals, template: (segment: [[Float]], peak: Int, start: Int, end: Int),
                   center: Int) -> (Double, Int) {
        let maxShift = sig.samples(24)
        let step = max(1, sig.samples(4))
        let length = template.end - template.start + 1
        let leads = sig.smooth.indices.filter { sig.valid[$0] && $0 < template.segment.count }
        // Demeaned template per lead and its energy.
        var t: [[Float]] = []
        var tt = 0.0
        for l in leads {
            let seg = template.segment[l]
            let mean = seg.reduce(0, +) / Float(seg.count)
            let d = seg.map { $0 - mean }
            for v in d { tt += Double(v * v) }
            t.append(d)
        }
        guard tt > 0 else { return (0, 0) }
        // NaN: no shift fits inside the record.
        var best = (Double.nan, 0)
        var shift = -maxShift
        while shift <= maxShift {
            let a = center + template.start + shift
            if a >= 0, a + length <= sig.count {
                var xt = 0.0, xx = 0.0
                for (k, l) in leads.enumerated() {
                    sig.smooth[l].withUnsafeBufferPointer { x in
                        t[k].withUnsafeBufferPointer { tk in
                            let (sx, sxx, sxt) = SignalMath.moments(UnsafeBufferPointer(rebasing: x[a..<(a + length)]), tk)
                            xt += Double(sxt)
                            xx += Double(sxx) - Double(sx) * Double(sx) / Double(length)
                        }
                    }
                }
                if xx > 0 {
                    let c = xt / (xx * tt).squareRoot()
                    if best.0.isNaN || c > best.0 { best = (c, shift) }
                } else if best.0.isNaN {
                    best = (0, shift)
                }
            }
            shift += step
        }
        return best
    }
}
