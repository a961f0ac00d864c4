import ECGModel
import Foundation

/// Assembles the truth from the scheduled beats and the dominant template.
struct TruthBuilder {
    let configuration: SyntheticECG
    let dominant: BeatTemplate
    let beats: [ScheduledBeat]
    let sampleCount: Int

    private var fs: SamplingFrequency { configuration.samplingFrequency }

    private func ms(_ samples: Int) -> Double { rounded(fs.duration(ofSamples: samples).value, 3) }

    func truth() -> SyntheticTruth {
        let c = configuration
        var beatTruths: [BeatTruth] = []
        for (index, beat) in beats.enumerated() {
            let o = beat.onset
            let t = beat.template
            let rPeak = o + t.qrs.peak
            let rr = beatTruths.last.map { ms(rPeak - $0.rPeak) }
            beatTruths.append(BeatTruth(
                index: index, type: t.type, rPeak: rPeak,
                pOnset: t.p.map { o + $0.onset }, pPeak: t.p.map { o + $0.peak }, pOffset: t.p.map { o + $0.offset },
                qrsOnset: o + t.qrs.onset, qrsOffset: o + t.qrs.offset,
                tOnset: o + t.t.onset, tPeak: o + t.t.peak, tOffset: o + t.t.offset,
                pacingSpike: t.spike.map { o + $0.peak }, rrPrevious: rr))
        }
        let rrs = beatTruths.compactMap(\.rrPrevious)
        let meanRR = rrs.isEmpty ? 60_000 / c.heartRate : rrs.reduce(0, +) / Double(rrs.count)
        let dominantRRs = zip(beatTruths.dropFirst(), beatTruths)
            .filter { $0.0.type == dominant.type && $0.1.type == dominant.type }
            .compactMap(\.0.rrPrevious)
        let dominantRR = dominantRRs.isEmpty ? nil : dominantRRs.reduce(0, +) / Double(dominantRRs.count)
        let qt = ms(dominant.t.offset - dominant.qrs.onset)
        let rrForQTc = dominantRR ?? meanRR

        var atrialRate: Double?
        var ratio: Int?
        if case .atrialFlutter(let rate, let r, _) = c.rhythm {
            atrialRate = rate
            ratio = r
        }
        let amplitudes = leadAmplitudes()
        return SyntheticTruth(
            record: c.name, summary: c.summary, samplingFrequency: fs.hertz, sampleCount: sampleCount,
            seed: c.seed, rhythm: c.rhythm.label, conduction: c.conduction,
            heartRate: rounded(60_000 / meanRR, 3), meanRR: rounded(meanRR, 3),
            dominantRR: dominantRR.map { rounded($0, 3) }, atrialRate: atrialRate, conductionRatio: ratio,
            prInterval: dominant.p.map { ms(dominant.qrs.onset - $0.onset) },
            pDuration: dominant.p.map { ms($0.offset - $0.onset) },
            qrsDuration: ms(dominant.qrs.offset - dominant.qrs.onset), qtInterval: qt,
            qtcBazett: rounded(qt / (rrForQTc / 1000).squareRoot(), 3),
            pAxis: dominant.p.map { rounded(netAreaAxis($0), 2) },
            qrsAxis: rounded(netAreaAxis(dominant.qrs), 2), tAxis: rounded(netAreaAxis(dominant.t), 2),
            beats: beatTruths, leadAmplitudes: amplitudes, noise: NoiseTruth(c.noise),
            leadFaults: c.leadFaults.map(\.description))
    }

    /// The frontal axis of a wave from the net areas of leads I and II, as a measurement
    /// computes it from the limb leads.
    private func netAreaAxis(_ wave: Wave) -> Double {
        var areaI = 0.0
        var areaII = 0.0
        for n in wave.onset...wave.offset {
            let v = wave.vector(at: n)
            areaI += LeadProjection.leadI(v)
            areaII += LeadProjection.leadII(v)
        }
        return atan2((2 * areaII - areaI) / 3.0.squareRoot(), areaI) * 180 / .pi
    }

    /// Each lead's view of the dominant beat.
    private func leadAmplitudes() -> [String: LeadAmplitudeTruth] {
        let range = dominant.firstSample...dominant.lastSample
        var leads: [Lead: [Double]] = [:]
        for n in range {
            var v = HeartVector.zero
            for wave in dominant.waves { v = v + wave.vector(at: n) }
            let i = LeadProjection.leadI(v)
            let ii = LeadProjection.leadII(v)
            let d = LeadProjection.derived(i: i, ii: ii)
            leads[.i, default: []].append(i)
            leads[.ii, default: []].append(ii)
            leads[.iii, default: []].append(d.iii)
            leads[.aVR, default: []].append(d.aVR)
            leads[.aVL, default: []].append(d.aVL)
            leads[.aVF, default: []].append(d.aVF)
            for entry in LeadProjection.precordial {
                leads[entry.lead, default: []].append(LeadProjection.project(v, on: entry.vector))
            }
        }
        let first = range.lowerBound
        var result: [String: LeadAmplitudeTruth] = [:]
        for (lead, values) in leads {
            let qrs = values[(dominant.qrs.onset - first)...(dominant.qrs.offset - first)]
            result[lead.name] = LeadAmplitudeTruth(
                qrsMaximum: rounded(max(qrs.max() ?? 0, 0), 3),
                qrsMinimum: rounded(min(qrs.min() ?? 0, 0), 3),
                pPeak: dominant.p.map { rounded(values[$0.peak - first], 3) },
                tPeak: rounded(values[dominant.t.peak - first], 3))
        }
        return result
    }
}

/// `value` rounded to `places` decimals, so truth files print short, stable numbers.
func rounded(_ value: Double, _ places: Int) -> Double {
    let scale = pow(10, Double(places))
    let r = (value * scale).rounded() / scale
    return r == 0 ? 0 : r // no "-0" in JSON
}
