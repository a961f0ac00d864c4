import ECGModel
import Delineation

/// Computes intervals, rates, axes and amplitudes from a record's delineation.
public struct Measurer: Sendable {
    public init() {}

    /// The measurements of `d`. Leads whose index is in `excluded` (unfit signal, see
    /// ``LeadScreening``) get no amplitudes and take no part in the axes and voltage criteria.
    public func measure(_ d: RecordDelineation, recordID: String, excluding excluded: Set<Int> = []) -> RecordMeasurements {
        let fs = d.samplingFrequency
        func ms(_ samples: Int) -> Milliseconds { fs.duration(ofSamples: samples) }
        var g = GlobalMeasurements(beatCount: d.beats.count, dominantBeatCount: d.beats.filter { $0.type == .dominant }.count,
                                   beatTypes: Dictionary(grouping: d.beats, by: \.type).mapValues(\.count))
        // Rates and RR variability from all beats (the rate is the rate, ectopics included).
        let qrs = d.beats.map(\.global.qrsOnset)
        let rrs = zip(qrs.dropFirst(), qrs).map { ms($0 - $1).value }
        if !rrs.isEmpty {
            let mean = rrs.reduce(0, +) / Double(rrs.count)
            g.rrMean = Milliseconds(mean)
            g.heartRate = 60000 / mean
            let variance = rrs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(rrs.count)
            g.rrStandardDeviation = Milliseconds(variance.squareRoot())
            if rrs.count > 1 {
                let diffs = zip(rrs.dropFirst(), rrs).map { ($0 - $1) * ($0 - $1) }
                g.rrRMSSD = Milliseconds((diffs.reduce(0, +) / Double(diffs.count)).squareRoot())
            }
        }
        var pps: [Double] = []
        for (a, b) in zip(d.beats, d.beats.dropFirst()) {
            if let p1 = a.global.pPeak, let p2 = b.global.pPeak { pps.append(ms(p2 - p1).value) }
        }
        if !pps.isEmpty {
            let sorted = pps.sorted()
            g.atrialRate = 60000 / sorted[(sorted.count - 1) / 2]
        }
        var leads: [LeadMeasurements] = zip(d.leads, d.labels).map { LeadMeasurements(lead: $0, label: $1) }
        if let rep = d.representative {
            let gb = rep.global
            g.qrsOnset = ms(gb.qrsOnset)
            g.qrsOffset = ms(gb.qrsOffset)
            g.qrs = ms(gb.qrsOffset - gb.qrsOnset)
            g.pOnset = gb.pOnset.map(ms)
            g.pOffset = gb.pOffset.map(ms)
            if let on = gb.pOnset { g.pr = ms(gb.qrsOnset - on) }
            if let on = gb.pOnset, let off = gb.pOffset { g.pDuration = ms(off - on) }
            g.tOffset = gb.tOffset.map(ms)
            if let t = gb.tOffset {
                let qt = ms(t - gb.qrsOnset)
                g.qt = qt
                if let rr = g.rrMean { g.qtc = CorrectedQT(qt: qt, rr: rr) }
            }
            let single = MedianLeadIntervals.samples(d, excluding: excluded)
            g.medianLeadQRS = single.qrs.map { Milliseconds($0 * 1000 / fs.hertz) }
            if let qt = single.qt.map({ Milliseconds($0 * 1000 / fs.hertz) }) {
                g.medianLeadQT = qt
                if let rr = g.rrMean { g.medianLeadQTc = CorrectedQT(qt: qt, rr: rr) }
            }
            leads = LeadAmplitudes(fs: fs).measure(rep, leads: d.leads, labels: d.labels)
            for l in excluded where l < leads.count {
                leads[l] = LeadMeasurements(lead: leads[l].lead, label: leads[l].label)
            }
            var qrsAreas: [Lead: Double] = [:], pAreas: [Lead: Double] = [:], tAreas: [Lead: Double] = [:]
            for m in leads {
                if let a = m.qrsArea { qrsAreas[m.lead] = a }
                if let a = m.pArea { pAreas[m.lead] = a }
                if let a = m.tArea { tAreas[m.lead] = a }
            }
            g.qrsAxis = FrontalAxis.degrees(netAreas: qrsAreas)
            g.pAxis = FrontalAxis.degrees(netAreas: pAreas)
            g.tAxis = FrontalAxis.degrees(netAreas: tAreas)
            func lead(_ l: Lead) -> LeadMeasurements? {
                leads.indices.first { leads[$0].lead == l && !excluded.contains($0) }.map { leads[$0] }
            }
            if let sV1 = lead(.v1)?.s ?? lead(.v1)?.q, let r5 = lead(.v5)?.r, let r6 = lead(.v6)?.r {
                g.sokolowLyon = abs(sV1) + max(r5, r6)
            } else if let sV1 = lead(.v1)?.s ?? lead(.v1)?.q, let r = lead(.v5)?.r ?? lead(.v6)?.r {
                g.sokolowLyon = abs(sV1) + r
            }
            if let rL = lead(.aVL)?.r ?? (lead(.aVL) != nil ? 0 : nil),
               let sV3 = lead(.v3)?.s ?? lead(.v3)?.q ?? (lead(.v3) != nil ? 0 : nil) {
                g.cornell = rL + abs(sV3)
            }
        }
        return RecordMeasurements(recordID: recordID, samplingFrequency: fs, global: g, leads: leads)
    }
}
