/// Where a beat may look for its waves, from its neighbours.
struct BeatContext {
    /// The beat's QRS alignment point (sample of maximal multi-lead slope).
    var center: Int
    /// Earliest sample the P search may reach (previous beat's T end, or half an RR back).
    var pLimit: Int
    /// Latest sample the T search may reach (before the next beat's P/QRS).
    var tLimit: Int
    /// Latest sample the T wave's peak may lie on (its end may come later, up to ``tLimit``).
    var tPeakLimit: Int? = nil
    /// How to look for P: freely, near an expected peak, or not at all.
    var pMode: PMode
    /// Where the QRS limits may lie: search only inside these (for the median beat: the array).
    var lowerBound: Int
    var upperBound: Int
    /// The median beat: its global limits are the record's intervals (wider convention).
    var isRepresentative = false
    /// For the median beat: the dominant RR, so that the previous beat's T end can be placed
    /// (this beat's T end, one RR earlier) to bound the P search.
    var dominantRR: Int? = nil
}

enum PMode {
    case detect
    case near(Int)
    case absent
}

/// Delineates one beat in all leads: QRS from the slope envelope, T and P from the low-passed
/// wave with the trapezium-area method for their boundaries (Vázquez-Seisdedos et al. 2011).
struct BeatDelineator {
    let settings: DelineationSettings
    let sig: PreparedSignals

    struct Result {
        var global: GlobalBeat
        var leads: [LeadBeat]
        /// Isoelectric level per lead (mean of the PR segment just before QRS onset).
        var baseline: [Float]
    }

    func ms(_ v: Double) -> Int { sig.samples(v) }

    // MARK: QRS

    /// Global QRS onset and offset from the spatial velocity around `center`.
    func globalQRS(center: Int, lower: Int, upper: Int, scale: Float = 1) -> (onset: Int, offset: Int, peak: Int)? {
        let env = sig.spatial
        guard let peakIndex = SignalMath.argmax(env, max(lower, center - ms(settings.qrsSearch)),
                                                min(upper, center + ms(settings.qrsSearch))) else { return nil }
        let peak = env[peakIndex]
        guard peak > 0 else { return nil }
        let floorOn = env[SignalMath.argmin(env, max(lower, peakIndex - ms(160)), max(lower, peakIndex - ms(30))) ?? peakIndex]
        let floorOff = env[SignalMath.argmin(env, min(upper, peakIndex + ms(30)), min(upper, peakIndex + ms(180))) ?? peakIndex]
        let thrOn = floorOn + scale * settings.qrsOnsetFraction * (peak - floorOn)
        let thrOff = floorOff + scale * settings.qrsOffsetFraction * (peak - floorOff)
        let run = max(2, ms(8))
        var onset = max(lower, peakIndex - ms(120))
        var i = peakIndex
        while i > max(lower, peakIndex - ms(120)) {
            if env[i] <= thrOn {
                var below = true
                var k = i
                while k > max(lower, i - run) { k -= 1; if env[k] > thrOn { below = false; break } }
                if below { onset = i; break }
            }
            i -= 1
        }
        var offset = min(upper, peakIndex + ms(160))
        i = peakIndex
        while i < min(upper, peakIndex + ms(160)) {
            if env[i] <= thrOff {
                var below = true
                var k = i
                while k < min(upper, i + run) { k += 1; if env[k] > thrOff { below = false; break } }
                if below { offset = i; break }
            }
            i += 1
        }
        return (onset, offset, peakIndex)
    }

    /// A lead's own QRS boundaries and named deflections inside the global limits.
    func leadQRS(lead l: Int, globalOnset gOn: Int, globalOffset gOff: Int, baseline b: Float,
                 margin marginMs: Double? = nil) -> QRSWave {
        let env = sig.slope[l]
        let x = sig.x[l]
        let margin = ms(marginMs ?? settings.leadQRSMargin)
        let lo = max(0, gOn - margin), hi = min(sig.count - 1, gOff + margin)
        var onset = gOn, offset = gOff
        if let pk = SignalMath.argmax(env, gOn, gOff), env[pk] > 0 {
            let thr = settings.leadQRSFraction * env[pk]
            var i = lo
            while i < pk, env[i] < thr { i += 1 }
            onset = min(i, gOn + ms(30))
            var j = hi
            while j > pk, env[j] < thr { j -= 1 }
            offset = max(j, gOff - ms(30))
        }
        if offset <= onset { onset = gOn; offset = gOff }
        // Deflections: runs of the signal above/below the isoelectric level.
        var maxAbs: Float = 0
        var highest = onset, lowest = onset
        x.withUnsafeBufferPointer { x in
            var high = x[onset], low = x[onset]
            for i in onset...offset {
                let v = x[i]
                maxAbs = max(maxAbs, abs(v - b))
                if v > high { high = v; highest = i }
                if v < low { low = v; lowest = i }
            }
        }
        // The QRS peak is the R wave's, as cardiologists mark it, unless there is no R (QS).
        let peak = x[highest] - b >= max(0.05 * maxAbs, 0.01) ? highest : lowest
        let thr = max(settings.minimumDeflection, 0.1 * maxAbs)
        var runs: [(positive: Bool, index: Int)] = []
        var i = onset
        while i <= offset {
            let y = x[i] - b
            if abs(y) >= thr {
                let positive = y > 0
                var best = i
                var k = i
                while k <= offset, (x[k] - b > 0) == positive, abs(x[k] - b) > thr * 0.5 {
                    if abs(x[k] - b) > abs(x[best] - b) { best = k }
                    k += 1
                }
                runs.append((positive, best))
                i = max(k, i + 1)
            } else {
                i += 1
            }
        }
        var wave = QRSWave(onset: onset, offset: offset, peak: peak)
        if let firstPositive = runs.firstIndex(where: { $0.positive }) {
            wave.r = runs[firstPositive].index
            if firstPositive > 0 { wave.q = runs[firstPositive - 1].index }
            if firstPositive + 1 < runs.count, !runs[firstPositive + 1].positive {
                wave.s = runs[firstPositive + 1].index
                if firstPositive + 2 < runs.count { wave.rPrime = runs[firstPositive + 2].index }
            }
        } else if let qs = runs.first {
            wave.q = qs.index   // QS complex: one negative deflection
        }
        return wave
    }

    // MARK: P and T

    /// Chord-detrended extremum search and trapezium boundaries for a P or T wave.
    func wave(lead l: Int, from a: Int, to b: Int, peakRange: ClosedRange<Int>?, halfWidth: Double, offsetReach: Double? = nil,
              baseline: Float, onsetLimit: Int, offsetLimit: Int) -> Wave? {
        let s = sig.smooth[l]
        guard a >= 0, b < sig.count, b - a > ms(40) else { return nil }
        let ya = s[a], yb = s[b]
        let slopeChord = (yb - ya) / Float(b - a)
        func y(_ i: Int) -> Float { s[i] - (ya + slopeChord * Float(i - a)) }
        let lowest = max(a + 1, peakRange?.lowerBound ?? a + 1)
        let highest = min(b - 1, peakRange?.upperBound ?? b - 1)
        guard lowest <= highest else { return nil }
        let range = lowest...highest
        let chord = SignalMath.Chord(start: a, level: ya, slope: slopeChord)
        let best = SignalMath.argmax(s, range, chord: chord, absolute: true)
        let polarity: Float = y(best) >= 0 ? 1 : -1
        // A peak on the edge of its window is the slope of something else, not a wave.
        guard best > range.lowerBound, best < range.upperBound else { return nil }
        var first = best, last = best
        var biphasic = false
        // Opposite lobe (biphasic waves): the strongest opposite extremum within the window.
        let opp = SignalMath.argmax(s, range, chord: chord, sign: -polarity)
        if -polarity * y(opp) > 0.35 * abs(y(best)), opp > range.lowerBound, opp < range.upperBound,
           abs(opp - best) >= ms(40), abs(opp - best) <= ms(halfWidth * 2.5) {
            biphasic = true
            first = min(opp, best); last = max(opp, best)
        }
        let hw = ms(halfWidth)
        let hwOff = ms(offsetReach ?? halfWidth)
        // Offset: steepest return after the last lobe, then the trapezium corner.
        var offset: Int? = nil
        let pLast: Float = y(last) >= 0 ? 1 : -1
        let endLimit = min(offsetLimit, sig.count - 1)
        if last + 2 < endLimit {
            var xm = last + 1
            var steep: Float = 0
            for i in (last + 1)...min(endLimit, last + hwOff) {
                let d = -pLast * (s[min(i + 1, sig.count - 1)] - s[i - 1])
                if d > steep { steep = d; xm = i }
            }
            let xr = min(endLimit, xm + hwOff)
            if xr > xm + 1 {
                var area: Float = -.infinity
                var corner = xm
                for i in xm...xr {
                    let a = pLast * (s[xm] - s[i]) * Float(2 * xr - i - xm)
                    if a > area { area = a; corner = i }
                }
                offset = corner
            }
        }
        var onset: Int? = nil
        let pFirst: Float = y(first) >= 0 ? 1 : -1
        let startLimit = max(onsetLimit, 0)
        if first - 2 > startLimit {
            var xm = first - 1
            var steep: Float = 0
            for i in max(startLimit + 1, first - hw)...(first - 1) {
                let d = pFirst * (s[i + 1] - s[i - 1])
                if d > steep { steep = d; xm = i }
            }
            let xr = max(startLimit, xm - hw)
            if xm > xr + 1 {
                var area: Float = -.infinity
                var corner = xm
                for i in xr...xm {
                    let a = pFirst * (s[xm] - s[i]) * Float(i + xm - 2 * xr)
                    if a > area { area = a; corner = i }
                }
                onset = corner
            }
        }
        return Wave(onset: onset, peak: best, offset: offset, amplitude: s[best] - baseline, isBiphasic: biphasic)
    }

    func isVisible(_ w: Wave, lead l: Int, minimum: Float) -> Bool {
        abs(w.amplitude) >= minimum && abs(w.amplitude) >= settings.noiseFactor * sig.noise[l]
            || abs(sig.smooth[l][w.peak] - sig.smooth[l][w.onset ?? w.peak]) >= max(minimum, settings.noiseFactor * sig.noise[l])
    }

    /// The median peak position of the stronger half of the leads' waves.
    func consensusPeak(_ found: FoundWaves) -> Int? {
        guard found.count >= 2 else { return nil }
        let strongest = found.values.sorted { abs($0.amplitude) > abs($1.amplitude) }
        return SignalMath.median(strongest.prefix(max(2, (strongest.count + 1) / 2)).map(\.peak))
    }

    // MARK: Beat

    func delineate(_ ctx: BeatContext) -> Result? {
        guard let q = globalQRS(center: ctx.center, lower: ctx.lowerBound, upper: ctx.upperBound) else { return nil }
        let leadCount = sig.x.count
        var leads = [LeadBeat](repeating: LeadBeat(), count: leadCount)
        var baseline = [Float](repeating: 0, count: leadCount)
        let validLeads = (0..<leadCount).filter { sig.valid[$0] }
        // QRS per lead, then the global limits from the leads.
        var onsets: [Int] = [], offsets: [Int] = []
        for l in validLeads {
            let a = max(0, q.onset - ms(20)), b = max(a, q.onset - ms(6))
            var sum: Float = 0
            for i in a...b { sum += sig.x[l][i] }
            baseline[l] = sum / Float(b - a + 1)
            var w = leadQRS(lead: l, globalOnset: q.onset, globalOffset: q.offset, baseline: baseline[l],
                            margin: ctx.isRepresentative ? settings.representativeLeadMargin : nil)
            if w.onset < ctx.lowerBound, ctx.lowerBound < w.offset { w.onset = ctx.lowerBound }
            leads[l].qrs = w
            onsets.append(w.onset); offsets.append(w.offset)
        }
        var gOn = SignalMath.robustExtreme(onsets, latest: false, tolerance: ms(15)) ?? q.onset
        var gOff = SignalMath.robustExtreme(offsets, latest: true, tolerance: ms(15)) ?? q.offset
        if ctx.isRepresentative, let wide = globalQRS(center: ctx.center, lower: ctx.lowerBound, upper: ctx.upperBound,
                                                      scale: settings.representativeQRSScale) {
            // Intervals follow the earliest onset and latest offset in any lead; on the clean
            // median beat a lower spatial-velocity threshold finds them.
            gOn = min(gOn, wide.onset)
            gOff = max(gOff, wide.offset)
        }
        var global = GlobalBeat(qrsOnset: gOn, qrsOffset: gOff)

        // T per lead.
        let tStart = gOff + ms(20)
        let tEnd = min(ctx.tLimit, sig.count - 1)
        var tFound = FoundWaves(leadCount: leadCount)
        if tEnd - tStart > ms(80) {
            for l in validLeads {
                let peakEnd = min(tEnd - ms(20), ctx.tPeakLimit ?? Int.max)
                guard peakEnd > tStart + ms(40),
                      let w = wave(lead: l, from: tStart, to: tEnd, peakRange: (tStart + ms(40))...peakEnd,
                                   halfWidth: settings.tReach, baseline: baseline[l], onsetLimit: gOff,
                                   offsetLimit: min(sig.count - 1, tEnd + ms(60))) else { continue }
                if isVisible(w, lead: l, minimum: settings.minimumT) { tFound[l] = w }
            }
        }
        // Leads where the T is small may have picked up another wave: look again near where
        // the strongest leads put the T peak.
        if let center = consensusPeak(tFound) {
            let reach = ms(70)
            for l in validLeads where tFound[l] == nil || abs(tFound[l]!.peak - center) > reach {
                tFound[l] = nil
                guard let w = wave(lead: l, from: tStart, to: tEnd, peakRange: (center - reach)...(center + reach),
                                   halfWidth: settings.tReach, baseline: baseline[l], onsetLimit: gOff,
                                   offsetLimit: min(sig.count - 1, tEnd + ms(60))) else { continue }
                if isVisible(w, lead: l, minimum: settings.minimumT) { tFound[l] = w }
            }
        }
        if tFound.count >= max(2, validLeads.count / 4) {
            let offs = tFound.values.compactMap(\.offset), ons = tFound.values.compactMap(\.onset)
            global.tOffset = SignalMath.robustExtreme(offs, latest: true,
                                                      tolerance: ms(ctx.isRepresentative ? settings.representativeTTolerance : 40))
            global.tOnset = SignalMath.robustExtreme(ons, latest: false, tolerance: ms(40))
            global.tPeak = SignalMath.median(tFound.values.map(\.peak))
            for l in validLeads {
                if let w = tFound[l] {
                    leads[l].t = w
                } else if let pk = global.tPeak, sig.noise[l] * settings.noiseFactor < settings.minimumT {
                    // A clean lead where the T projects flat: the T is there, at the global limits.
                    leads[l].t = Wave(onset: global.tOnset, peak: pk, offset: global.tOffset,
                                      amplitude: sig.smooth[l][pk] - baseline[l])
                }
            }
        }

        // P per lead.
        let pEnd = gOn - ms(4)
        var pStart = max(ctx.pLimit, gOn - ms(settings.pSearch), 0)
        if let rr = ctx.dominantRR, let tOff = global.tOffset { pStart = max(pStart, tOff - rr) }
        var pFound = FoundWaves(leadCount: leadCount)
        var expected: ClosedRange<Int>? = nil
        switch ctx.pMode {
        case .absent: break
        case .detect: if pEnd - ms(30) > pStart + ms(20) { expected = (pStart + ms(20))...(pEnd - ms(30)) }
        case .near(let c): expected = (c - ms(30))...(c + ms(30))
        }
        if let r = expected, r.lowerBound >= r.upperBound { expected = nil
        }
        if let range = expected, pEnd - pStart > ms(80), range.lowerBound < range.upperBound {
            for l in validLeads {
                guard let w = wave(lead: l, from: pStart, to: pEnd, peakRange: range, halfWidth: settings.pReach, offsetReach: settings.pOffsetReach,
                                   baseline: baseline[l], onsetLimit: pStart, offsetLimit: gOn) else { continue }
                if isVisible(w, lead: l, minimum: settings.minimumP) { pFound[l] = w }
            }
        }
        if let center = consensusPeak(pFound), pEnd - pStart > ms(80) {
            let reach = ms(40)
            for l in validLeads where pFound[l] != nil && abs(pFound[l]!.peak - center) > reach {
                pFound[l] = nil
                guard let w = wave(lead: l, from: pStart, to: pEnd, peakRange: (center - reach)...(center + reach),
                                   halfWidth: settings.pReach, offsetReach: settings.pOffsetReach, baseline: baseline[l], onsetLimit: pStart,
                                   offsetLimit: gOn) else { continue }
                if isVisible(w, lead: l, minimum: settings.minimumP) { pFound[l] = w }
            }
        }
        // A P wave must show in a third of the leads (a sixth near where the median beat put
        // it), at least three (two) of a 12-lead record: noise rarely imitates one in several
        // leads at once. A record with few leads (MIT-BIH's two, a Holter's three) needs the
        // same share rounded up, not three: a small biphasic P in V1 must not hide lead II's.
        let n = validLeads.count
        let needed: Int
        switch ctx.pMode {
        case .detect: needed = n >= 9 ? max(3, n / 3) : max(1, (n + 2) / 3)
        default: needed = n >= 12 ? max(2, n / 6) : max(1, (n + 5) / 6)
        }
        if pFound.count >= needed {
            global.pOnset = SignalMath.robustExtreme(pFound.values.compactMap(\.onset), latest: false, tolerance: ms(20))
            global.pOffset = SignalMath.robustExtreme(pFound.values.compactMap(\.offset), latest: true, tolerance: ms(20))
            global.pPeak = SignalMath.median(pFound.values.map(\.peak))
            for l in validLeads {
                if let w = pFound[l] {
                    leads[l].p = w
                } else if let pk = global.pPeak, sig.noise[l] * settings.noiseFactor < settings.minimumP {
                    leads[l].p = Wave(onset: global.pOnset, peak: pk, offset: global.pOffset,
                                      amplitude: sig.smooth[l][pk] - baseline[l])
                }
            }
        }
        return Result(global: global, leads: leads, baseline: baseline)
    }
}
