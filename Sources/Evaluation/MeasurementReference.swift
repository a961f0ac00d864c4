import Foundation
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
    public static func measurements(leads: [LeadWaveMarks], samplingFrequency fs: Double) -> ReferenceMeasurements {
        // Beats: QRS marks of all leads, clustered in time.
        var qrs: [(onset: Int?, peak: Int, offset: Int?)] = []
        for lead in leads { for w in lead.waves where w.wave == .qrs { qrs.append((w.onset, w.peak, w.offset)) } }
        qrs.sort { $0.peak < $1.peak }
        let gap = Int(0.1 * fs)
        var beats: [(peak: Int, onset: Int?, offset: Int?)] = []
        var cluster: [(onset: Int?, peak: Int, offset: Int?)] = []
        func flush() {
            guard !cluster.isEmpty else { return }
            let peaks = cluster.map(\.peak).sorted()
            beats.append((peaks[peaks.count / 2], cluster.compactMap(\.onset).min(), cluster.compactMap(\.offset).max()))
            cluster = []
        }
        for q in qrs {
            if let last = cluster.last, q.peak - last.peak > gap { flush() }
            cluster.append(q)
        }
        flush()
        var ms: (Int) -> Double { { Double($0) * 1000 / fs } }
        var prs: [Double] = [], qrsDurations: [Double] = [], qts: [Double] = []
        for (k, beat) in beats.enumerated() {
            let previous = k > 0 ? beats[k - 1].peak : Int.min
            let next = k + 1 < beats.count ? beats[k + 1].peak : Int.max
            if let on = beat.onset, let off = beat.offset { qrsDurations.append(ms(off - on)) }
            var pOnsets: [Int] = [], tOffsets: [Int] = []
            for lead in leads {
                for w in lead.waves {
                    if w.wave == .p, w.peak > previous, w.peak < beat.peak, let on = w.onset { pOnsets.append(on) }
                    if w.wave == .t, w.peak > beat.peak, w.peak < next, let off = w.offset { tOffsets.append(off) }
                }
            }
            if let on = beat.onset, let p = pOnsets.min() { prs.append(ms(on - p)) }
            if let on = beat.onset, let t = tOffsets.max() { qts.append(ms(t - on)) }
        }
        var ref = ReferenceMeasurements()
        let rrs = zip(beats.dropFirst(), beats).map { ms($0.peak - $1.peak) }
        if !rrs.isEmpty { ref.heartRate = 60000 / (rrs.reduce(0, +) / Double(rrs.count)) }
        ref.pr = median(prs)
        ref.qrs = median(qrsDurations)
        ref.qt = median(qts)
        return ref
    }

    static func median(_ v: [Double]) -> Double? {
        guard !v.isEmpty else { return nil }
        let s = v.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
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
