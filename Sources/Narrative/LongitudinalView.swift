import Foundation
import Interpretation

/// The values of the longitudinal (LTD) template: one patient's ECGs in time order, and what
/// appeared, persisted, resolved and changed between consecutive ECGs.
enum LongitudinalView {
    /// A statement's identity across ECGs: its code and region (certainty changes are reported as
    /// persisting: "possible LVH" then "LVH" is the same finding).
    struct Key: Hashable { var code: StatementCode; var region: LeadRegion? }

    static func keys(_ r: NarrativeRecord) -> [Key: Statement] {
        var out: [Key: Statement] = [:]
        for s in r.interpretation.statements where s.category != .summary {
            out[Key(code: s.code, region: s.region)] = s
        }
        return out
    }

    static func ordered(_ statements: [Key: Statement]) -> [Statement] {
        statements.values.sorted { a, b in
            if a.category != b.category { return a.category < b.category }
            let ia = StatementCode.allCases.firstIndex(of: a.code)!, ib = StatementCode.allCases.firstIndex(of: b.code)!
            if ia != ib { return ia < ib }
            return (a.region?.rawValue ?? "") < (b.region?.rawValue ?? "")
        }
    }

    static func make(subjectID: Int, records: [NarrativeRecord], _ v: Vocabulary) -> [String: Any] {
        let na = v.notMeasurable
        var ecgs: [[String: Any]] = []
        var previous: [Key: Statement]? = nil
        for (k, r) in records.enumerated() {
            let current = keys(r)
            let g = r.measurements.global
            var e: [String: Any] = [
                "index": String(k + 1),
                "id": r.recordID,
                "date": r.date.map(v.date) ?? na,
                "hasDate": r.date != nil,
                "statements": v.list(ordered(current).map { v.text($0) }),
                "summary": r.interpretation.statements.first { $0.category == .summary }.map { v.text($0) } ?? na,
                "rate": g.heartRate.map { "\(Int($0.rounded())) bpm" } ?? na,
                "qtc": g.qtc.map { "\(Int($0.bazett.value.rounded())) ms" } ?? na,
                "qrsAxis": g.qrsAxis.map { "\(Int($0.rounded()))°" } ?? na,
                "isFirst": k == 0, "isLast": k == records.count - 1 && k > 0,
                "isMiddle": k > 0 && k < records.count - 1,
            ]
            if let previous {
                let appeared = ordered(current.filter { previous[$0.key] == nil }).map { v.text($0) }
                let resolved = ordered(previous.filter { current[$0.key] == nil }).map { v.text($0) }
                let persisted = ordered(current.filter { previous[$0.key] != nil }).map { v.text($0) }
                if !appeared.isEmpty { e["appeared"] = v.list(appeared) }
                if !resolved.isEmpty { e["resolved"] = v.list(resolved) }
                if !persisted.isEmpty { e["persisted"] = v.list(persisted) }
                e["unchanged"] = appeared.isEmpty && resolved.isEmpty
            }
            previous = current
            ecgs.append(e)
        }
        var view: [String: Any] = [
            "subject": String(subjectID),
            "count": String(records.count),
            "countWord": v.count(records.count),
            "single": records.count == 1,
            "ecgs": ecgs,
            "trends": trends(records, v),
        ]
        let dates = records.compactMap(\.date)
        if let first = dates.first, let last = dates.last {
            view["firstDate"] = v.date(first)
            view["lastDate"] = v.date(last)
            view["hasDates"] = true
        }
        return view
    }

    /// First-to-last changes of rate, QTc and QRS axis (only where both ends are measurable).
    static func trends(_ records: [NarrativeRecord], _ v: Vocabulary) -> [[String: Any]] {
        guard records.count > 1, let first = records.first?.measurements.global, let last = records.last?.measurements.global else { return [] }
        var out: [[String: Any]] = []
        func add(_ en: String, _ zh: String, _ a: Double?, _ b: Double?, _ unit: String) {
            guard let a, let b else { return }
            let fa = "\(Int(a.rounded()))\(unit)", fb = "\(Int(b.rounded()))\(unit)"
            out.append(["name": v.language == .en ? en : zh, "from": fa, "to": fb, "same": fa == fb])
        }
        add("ventricular rate", "心室率", first.heartRate, last.heartRate, " bpm")
        add("QTc (Bazett)", "QTc（Bazett）", first.qtc?.bazett.value, last.qtc?.bazett.value, " ms")
        add("QRS axis", "QRS电轴", first.qrsAxis, last.qrsAxis, "°")
        return out
    }
}
