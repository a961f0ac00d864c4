import Foundation

/// The values of the longitudinal (LTD) template: one patient's ECGs in time order, and what
/// appeared, persisted, resolved and changed between consecutive ECGs.
enum LongitudinalView {
    static func make(subjectID: Int, entries: [LongitudinalEntry], _ v: Vocabulary) -> [String: Any] {
        let na = v.notMeasurable
        var ecgs: [[String: Any]] = []
        var previous: [String: LongitudinalEntry.Finding]? = nil
        func texts(_ findings: [LongitudinalEntry.Finding]) -> [String] {
            findings.sorted { $0.order < $1.order }.map(\.text)
        }
        for (k, r) in entries.enumerated() {
            let current = Dictionary(r.findings.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            var e: [String: Any] = [
                "index": TemplateText(String(k + 1)),
                "id": TemplateText(r.recordID),
                "date": TemplateText(r.date.map(v.date) ?? na),
                "hasDate": r.date != nil,
                // Running text ("showed left bundle branch block"): each statement's capital goes,
                // an abbreviation's stays ("WPW pattern", "1st degree A-V block").
                "statements": TemplateText(v.list(texts(r.findings).map(RecordView.lowerFirst))),
                "summary": TemplateText(r.summary ?? na),
                "rate": TemplateText(r.heartRate.map { "\(Int($0.rounded())) bpm" } ?? na),
                "qtc": TemplateText(r.correctedQT.map { "\(Int($0.rounded())) ms" } ?? na),
                "qrsAxis": TemplateText(r.qrsAxis.map { "\(Int($0.rounded()))°" } ?? na),
                "isFirst": k == 0, "isLast": k == entries.count - 1 && k > 0,
                "isMiddle": k > 0 && k < entries.count - 1,
            ]
            if let previous {
                let appeared = texts(r.findings.filter { previous[$0.key] == nil })
                let resolved = texts(previous.values.filter { current[$0.key] == nil })
                let persisted = texts(r.findings.filter { previous[$0.key] != nil })
                if !appeared.isEmpty { e["appeared"] = TemplateText(v.list(appeared)) }
                if !resolved.isEmpty { e["resolved"] = TemplateText(v.list(resolved)) }
                if !persisted.isEmpty { e["persisted"] = TemplateText(v.list(persisted)) }
                e["unchanged"] = appeared.isEmpty && resolved.isEmpty
            }
            previous = current
            ecgs.append(e)
        }
        var view: [String: Any] = [
            "subject": TemplateText(String(subjectID)),
            "count": TemplateText(String(entries.count)),
            "countWord": TemplateText(v.count(entries.count)),
            "single": entries.count == 1,
            "ecgs": ecgs,
            "trends": trends(entries, v),
        ]
        let dates = entries.compactMap(\.date)
        if let first = dates.first, let last = dates.last {
            view["firstDate"] = TemplateText(v.date(first))
            view["lastDate"] = TemplateText(v.date(last))
            view["hasDates"] = true
        }
        return view
    }

    /// First-to-last changes of rate, QTc and QRS axis (only where both ends are measurable).
    static func trends(_ entries: [LongitudinalEntry], _ v: Vocabulary) -> [[String: Any]] {
        guard entries.count > 1, let first = entries.first, let last = entries.last else { return [] }
        var out: [[String: Any]] = []
        func add(_ en: String, _ zh: String, _ a: Double?, _ b: Double?, _ unit: String) {
            guard let a, let b else { return }
            let fa = "\(Int(a.rounded()))\(unit)", fb = "\(Int(b.rounded()))\(unit)"
            out.append(["name": TemplateText(v.language == .en ? en : zh), "from": TemplateText(fa), "to": TemplateText(fb),
                        "same": fa == fb])
        }
        add("ventricular rate", "心室率", first.heartRate, last.heartRate, " bpm")
        add("QTc (Bazett)", "QTc（Bazett）", first.correctedQT, last.correctedQT, " ms")
        add("QRS axis", "QRS电轴", first.qrsAxis, last.qrsAxis, "°")
        return out
    }
}
