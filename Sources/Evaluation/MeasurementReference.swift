import Foundation
import ECGModel
import WFDB

/// Reference global measurements of one record (any may be missing).
public struct ReferenceMeasurements: Sendable, Equatable {
    public var heartRate: Double?
    public var pr: Double?
    public var qrs: Double?
    public var qt: Double?
    public var pAxis: Double?
    public var qrsAxis: Double?
    public var tAxis: Double?

    public init(heartRate: Double? = nil, pr: Double? = nil, qrs: Double? = nil, qt: Double? = nil,
                pAxis: Double? = nil, qrsAxis: Double? = nil, tAxis: Double? = nil) {
        self.heartRate = heartRate
        self.pr = pr
        self.qrs = qrs
        self.qt = qt
        self.pAxis = pAxis
        self.qrsAxis = qrsAxis
        self.tAxis = tAxis
    }
}

/// Global intervals derived from LUDB's per-lead manual marks.
///
/// Per annotated beat: QRS onset is the earliest `(` before an `N` over the leads and QRS
/// offset the latest `)`; the beat's P is the P annotated between the previous QRS and this one
/// (earliest onset over the leads), its T the T annotated before the next QRS (latest offset).
/// Per record: PR, QRS and QT are the medians over the beats that have the marks they need;
/// heart rate is 60 000 / mean RR between consecutive annotated QRS complexes.
public enum LUDBReference {
    /// One lead's marks of one beat: its QRS, the P annotated before it (after the previous
    /// beat) and the T annotated after it (before the next beat).
    struct LeadBeatMarks {
        var qrsOnset: Int?
        var qrsOffset: Int?
        var pOnset: Int?
        var tOffset: Int?
    }

    /// One annotated beat: where its QRS peaks (median over the leads) and each lead's marks.
    struct AnnotatedBeat {
        var peak: Int
        var leads: [LeadBeatMarks]
    }

    public static func measurements(leads: [LeadWaveMarks], samplingFrequency fs: Double) -> ReferenceMeasurements {
        measurements(leads: leads, samplingFrequency: fs, skippingExtremeLeads: 0)
    }

    /// The same reference without each beat's single most extreme lead: the second-earliest
    /// onset and the second-latest offset of each wave (a beat needs two leads with the mark).
    ///
    /// Set beside ``measurements(leads:samplingFrequency:)`` it shows how far one lead's manual
    /// mark moves the twelve-lead union, and how steadily from record to record: what a method
    /// that keeps one deviant lead from stretching an interval has to add to follow the union.
    public static func measurementsWithoutMostExtremeLead(leads: [LeadWaveMarks], samplingFrequency fs: Double) -> ReferenceMeasurements {
        var ref = measurements(leads: leads, samplingFrequency: fs, skippingExtremeLeads: 1)
        ref.heartRate = nil
        return ref
    }

    /// Per beat the `skipped + 1`-th earliest onset and latest offset over the leads.
    static func measurements(leads: [LeadWaveMarks], samplingFrequency fs: Double,
                             skippingExtremeLeads skipped: Int) -> ReferenceMeasurements {
        let beats = annotatedBeats(leads: leads, samplingFrequency: fs)
        var ms: (Int) -> Double { { Double($0) * 1000 / fs } }
        func earliest(_ values: [Int]) -> Int? { values.count > skipped ? values.sorted()[skipped] : nil }
        func latest(_ values: [Int]) -> Int? { values.count > skipped ? values.sorted(by: >)[skipped] : nil }
        var prs: [Double] = [], qrsDurations: [Double] = [], qts: [Double] = []
        for beat in beats {
            let onset = earliest(beat.leads.compactMap(\.qrsOnset))
            let offset = latest(beat.leads.compactMap(\.qrsOffset))
            if let onset, let offset { qrsDurations.append(ms(offset - onset)) }
            if let onset, let p = earliest(beat.leads.compactMap(\.pOnset)) { prs.append(ms(onset - p)) }
            if let onset, let t = latest(beat.leads.compactMap(\.tOffset)) { qts.append(ms(t - onset)) }
        }
        var ref = ReferenceMeasurements()
        let rrs = zip(beats.dropFirst(), beats).map { ms($0.peak - $1.peak) }
        if !rrs.isEmpty { ref.heartRate = 60000 / (rrs.reduce(0, +) / Double(rrs.count)) }
        ref.pr = prs.median()
        ref.qrs = qrsDurations.median()
        ref.qt = qts.median()
        return ref
    }

    /// The cardiologists' own single-lead intervals: per beat, the median over the leads of
    /// each lead's PR (its QRS onset − its P onset), QRS and QT (its T offset − its QRS onset);
    /// per record, the median over beats. Heart rate is left out.
    ///
    /// Set beside ``measurements(leads:samplingFrequency:)`` it shows how much of the
    /// multi-lead reference is the scatter of twelve independent manual marks: no estimator
    /// that measures the same interval in every lead can follow that part.
    public static func singleLeadMeasurements(leads: [LeadWaveMarks], samplingFrequency fs: Double) -> ReferenceMeasurements {
        var ms: (Int) -> Double { { Double($0) * 1000 / fs } }
        var prs: [Double] = [], qrsDurations: [Double] = [], qts: [Double] = []
        for beat in annotatedBeats(leads: leads, samplingFrequency: fs) {
            var pr: [Double] = [], qrs: [Double] = [], qt: [Double] = []
            for lead in beat.leads {
                guard let on = lead.qrsOnset else { continue }
                if let off = lead.qrsOffset { qrs.append(ms(off - on)) }
                if let p = lead.pOnset { pr.append(ms(on - p)) }
                if let t = lead.tOffset { qt.append(ms(t - on)) }
            }
            if let v = pr.median() { prs.append(v) }
            if let v = qrs.median() { qrsDurations.append(v) }
            if let v = qt.median() { qts.append(v) }
        }
        return ReferenceMeasurements(pr: prs.median(), qrs: qrsDurations.median(), qt: qts.median())
    }

    /// Beats: the QRS marks of all leads, clustered in time (peaks less than 100 ms apart);
    /// each lead contributes its QRS limits in the cluster and the P and T around it.
    static func annotatedBeats(leads: [LeadWaveMarks], samplingFrequency fs: Double) -> [AnnotatedBeat] {
        var qrs: [(lead: Int, onset: Int?, peak: Int, offset: Int?)] = []
        for (l, lead) in leads.enumerated() {
            for w in lead.waves where w.wave == .qrs { qrs.append((l, w.onset, w.peak, w.offset)) }
        }
        qrs.sort { $0.peak < $1.peak }
        let gap = Int(0.1 * fs)
        var clusters: [[(lead: Int, onset: Int?, peak: Int, offset: Int?)]] = []
        for q in qrs {
            if let last = clusters.last?.last, q.peak - last.peak <= gap {
                clusters[clusters.count - 1].append(q)
            } else {
                clusters.append([q])
            }
        }
        let peaks = clusters.map { c in c.map(\.peak).sorted()[c.count / 2] }
        return clusters.enumerated().map { k, cluster in
            let previous = k > 0 ? peaks[k - 1] : Int.min
            let next = k + 1 < peaks.count ? peaks[k + 1] : Int.max
            var marks = [LeadBeatMarks](repeating: LeadBeatMarks(), count: leads.count)
            for q in cluster {
                // A lead marked twice within 100 ms keeps the widest limits.
                if let on = q.onset { marks[q.lead].qrsOnset = min(marks[q.lead].qrsOnset ?? on, on) }
                if let off = q.offset { marks[q.lead].qrsOffset = max(marks[q.lead].qrsOffset ?? off, off) }
            }
            for (l, lead) in leads.enumerated() {
                for w in lead.waves {
                    if w.wave == .p, w.peak > previous, w.peak < peaks[k], let on = w.onset {
                        marks[l].pOnset = min(marks[l].pOnset ?? on, on)
                    }
                    if w.wave == .t, w.peak > peaks[k], w.peak < next, let off = w.offset {
                        marks[l].tOffset = max(marks[l].tOffset ?? off, off)
                    }
                }
            }
            return AnnotatedBeat(peak: peaks[k], leads: marks)
        }
    }
}

/// MIMIC-IV-ECG `machine_measurements.csv`, keyed by `study_id`.
public enum MachineMeasurements {
    /// Values the machine writes for "not measured".
    public static let sentinels: Set<Double> = [29999, 32767, -32768, 65535, 65534, 61440]

    /// Parses the CSV (header row required; quoted cells with commas/newlines allowed).
    public static func read(from url: URL) throws -> [String: ReferenceMeasurements] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw EvaluationInputError(path: url.path, reason: "cannot read machine measurements")
        }
        let rows = CSVRows.parse(text)
        guard let header = rows.first else { throw EvaluationInputError(path: url.path, reason: "empty file") }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let study = column("study_id") else {
            throw EvaluationInputError(path: url.path, reason: "line 1: no study_id column")
        }
        let idx = ["rr_interval", "p_onset", "qrs_onset", "qrs_end", "t_end", "p_axis", "qrs_axis", "t_axis"].map(column)
        var out: [String: ReferenceMeasurements] = [:]
        for row in rows.dropFirst() where row.count > study {
            func value(_ i: Int?) -> Double? {
                guard let i, i < row.count, let v = Double(row[i].trimmingCharacters(in: .whitespaces)),
                      v.isFinite, !sentinels.contains(v) else { return nil }
                return v
            }
            let rr = value(idx[0]), pOn = value(idx[1]), qOn = value(idx[2]), qOff = value(idx[3]), tEnd = value(idx[4])
            var m = ReferenceMeasurements()
            if let rr, rr > 0 { m.heartRate = 60000 / rr }
            if let pOn, let qOn { m.pr = qOn - pOn }
            if let qOn, let qOff { m.qrs = qOff - qOn }
            if let qOn, let tEnd { m.qt = tEnd - qOn }
            m.pAxis = value(idx[5]); m.qrsAxis = value(idx[6]); m.tAxis = value(idx[7])
            out[row[study].trimmingCharacters(in: .whitespaces)] = m
        }
        return out
    }
}

/// A small RFC 4180 reader (quotes, doubled quotes, line breaks inside quotes).
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = ""
        var quoted = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { cell.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                row.append(cell); cell = ""
                rows.append(row); row = []
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
