import ECGModel
import Foundation
import Measurement
import Interpretation

/// The values a one-record template sees, every number already formatted (templates do no
/// arithmetic and no formatting, so output is identical across languages).
enum RecordView {
    static func make(_ r: NarrativeRecord, _ v: Vocabulary) -> [String: Any] {
        let g = r.measurements.global
        let na = v.notMeasurable
        func ms(_ x: Double?) -> TemplateText { TemplateText(x.map { "\(Int($0.rounded())) ms" } ?? na) }
        func degrees(_ x: Double) -> String { "\(Int(x.rounded()))°" }
        func deg(_ x: Double?) -> TemplateText { TemplateText(x.map(degrees) ?? na) }
        func mv(_ x: Double?) -> TemplateText { TemplateText(x.map { FixedPoint.text($0, decimals: 2) + " mV" } ?? na) }
        let statements = r.interpretation.statements
        func statementView(_ s: Statement) -> [String: Any] {
            ["text": TemplateText(v.text(s)), "evidence": s.evidence.map { ["text": TemplateText(v.evidence($0))] }]
        }
        // No QRS, or too poor to read: the statement stands in for the rhythm and nothing else is
        // said. Other quality statements (unsuitable leads, electrode reversal) are notes on the
        // recording beside a normal description.
        func unreadable(_ s: Statement) -> Bool { s.code == .noQRSDetected || s.code == .poorSignalQuality }
        let rhythm = statements.first { $0.category == .rhythm || unreadable($0) }
        let notes = statements.filter { $0.category == .quality && !unreadable($0) }
        let findings = statements.filter { $0.category != .summary && $0.category != .quality && $0.severity > .normal }
        let summary = statements.first { $0.category == .summary }
        let fs = r.samplingFrequency
        let axes = [g.pAxis, g.qrsAxis, g.tAxis]
        var view: [String: Any] = [
            "id": TemplateText(r.recordID),
            "durationSeconds": TemplateText(FixedPoint.text(r.durationSeconds, decimals: 1)),
            "samplingFrequency": TemplateText(fs == fs.rounded() ? String(Int(fs)) : FixedPoint.text(fs, decimals: 1)),
            "leadCount": TemplateText(String(r.leadLabels.count)),
            "leads": TemplateText(r.leadLabels.joined(separator: ", ")),
            "rate": TemplateText(g.heartRate.map { "\(Int($0.rounded())) bpm" } ?? na),
            "rhythm": TemplateText(rhythm.map { v.text($0) } ?? na),
            "rhythmLower": TemplateText(rhythm.map { lowerFirst(v.text($0)) } ?? na),
            // The QRS duration the rules used (see InterpretationInput.robustQRS), so text and statements agree.
            "pr": ms(g.pr?.value),
            "qrs": ms(InterpretationInput.robustQRS(global: g.qrs?.value,
                                                   perLead: r.measurements.leads.compactMap { $0.qrsDuration?.value })),
            "qt": ms(g.qt?.value),
            "qtcBazett": ms(g.qtc?.bazett.value), "qtcFridericia": ms(g.qtc?.fridericia.value),
            "qtcFramingham": ms(g.qtc?.framingham.value), "qtcHodges": ms(g.qtc?.hodges.value),
            "pDuration": ms(g.pDuration?.value),
            "pAxis": deg(g.pAxis), "qrsAxis": deg(g.qrsAxis), "tAxis": deg(g.tAxis),
            // The machine report's one line of three axes: "not measurable" once when none is,
            // a dash for each missing one otherwise ("— 30° 28°").
            "prtAxes": TemplateText(axes.allSatisfy { $0 == nil } ? na : axes.map { $0.map(degrees) ?? "—" }.joined(separator: " ")),
            "sokolowLyon": mv(g.sokolowLyon), "cornell": mv(g.cornell),
            "beatCount": TemplateText(String(g.beatCount)),
            "statements": statements.map(statementView),
            "findings": findings.map(statementView),
            "hasFindings": !findings.isEmpty,
            "findingsList": TemplateText(v.list(findings.map { v.text($0) })),
            "summary": TemplateText(summary.map { v.text($0) } ?? na),
            "regions": regions(r, v),
            "measurable": !statements.contains(where: unreadable),
            "recordingNotes": notes.map(statementView),
        ]
        if let a = g.atrialRate { view["atrialRate"] = TemplateText("\(Int(a.rounded())) bpm") }
        if let d = r.date { view["date"] = TemplateText(v.date(d)) }
        if let s = r.subjectID { view["subject"] = TemplateText(String(s)) }
        return view
    }

    static func lowerFirst(_ s: String) -> String {
        let c = Array(s)
        guard c.count > 1, c[0].isUppercase, c[1].isLowercase else { return s }
        return c[0].lowercased() + String(c.dropFirst())
    }

    /// Per-region waveform description: tallest R, ST range at J, T polarity.
    static func regions(_ r: NarrativeRecord, _ v: Vocabulary) -> [[String: Any]] {
        // A lead left out of the measurements (unusable signal) is not described either.
        let excluded = Set(r.measurements.excludedLeads.map { $0.lowercased() })
        let names = r.measurements.leads.map { $0.lead.name.lowercased() }
        return LeadRegion.allCases.compactMap { region in
            let labels = Set(region.labels.map { $0.lowercased() })
            let leads = r.measurements.leads.indices
                .filter { labels.contains(names[$0]) && !excluded.contains(names[$0]) }
                .map { r.measurements.leads[$0] }
            guard !leads.isEmpty else { return nil }
            let rs = leads.compactMap { l in [l.r, l.rPrime].compactMap { $0 }.max() }
            let sts = leads.compactMap(\.stJ)
            let ts = leads.compactMap(\.t)
            // Values that round to zero print as +0.00, never -0.00.
            func signed(_ x: Double) -> String { FixedPoint.text(abs(x) < 0.005 ? 0 : x, decimals: 2, plus: true) }
            let st: String = {
                guard let lo = sts.min(), let hi = sts.max() else { return v.notMeasurable }
                return lo == hi ? signed(lo) + " mV" : signed(lo) + " … " + signed(hi) + " mV"
            }()
            let t: String = {
                guard !ts.isEmpty else { return v.notMeasurable }
                let up = ts.filter { $0 >= 0.1 }.count, down = ts.filter { $0 <= -0.1 }.count
                switch (v.language, up == ts.count, down == ts.count, up + down == 0) {
                case (.en, true, _, _): return "upright"
                case (.en, _, true, _): return "inverted"
                case (.en, _, _, true): return "flat"
                case (.en, _, _, _): return "of mixed polarity"
                case (.zh, true, _, _): return "直立"
                case (.zh, _, true, _): return "倒置"
                case (.zh, _, _, true): return "低平"
                case (.zh, _, _, _): return "正负不一"
                }
            }()
            return [
                "name": TemplateText(v.region(region)),
                "leads": TemplateText(leads.map(\.lead.name).joined(separator: ", ")),
                "rMax": TemplateText(rs.max().map { FixedPoint.text($0, decimals: 2) + " mV" } ?? v.notMeasurable),
                "st": TemplateText(st),
                "t": TemplateText(t),
            ]
        }
    }
}
