import Foundation
import Interpretation

/// Per-class agreement of the interpreter's statements with reference labels.
public struct StatementEvaluation: Sendable {
    /// One record's classes.
    public struct Row: Sendable {
        public var record: String
        public var reference: Set<StatementClass>
        public var predicted: Set<StatementClass>
        /// The interpreter's statements, for listing disagreements.
        public var statements: [String]
        /// Classes the reference does not assess for this record (PTB-XL leaves `heart_axis`
        /// empty for most records): neither a hit nor a miss.
        public var unassessed: Set<StatementClass> = []

        public init(record: String, reference: Set<StatementClass>, predicted: Set<StatementClass>,
                    statements: [String], unassessed: Set<StatementClass> = []) {
            self.record = record
            self.reference = reference
            self.predicted = predicted
            self.statements = statements
            self.unassessed = unassessed
        }
    }

    public var source: String
    public var rows: [Row] = []
    /// Records that could not be read or interpreted, with the reason.
    public var failures: [(record: String, reason: String)] = []
    public var cpuSeconds = 0.0

    public init(source: String) { self.source = source }

    /// Counts of one class.
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0
        public var sensitivity: Double? { ratio(truePositives, truePositives + falseNegatives) }
        public var ppv: Double? { ratio(truePositives, truePositives + falsePositives) }
        public var f1: Double? { ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }
        func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
    }

    public func counts(_ c: StatementClass) -> Counts {
        var k = Counts()
        for r in rows where !r.unassessed.contains(c) {
            switch (r.reference.contains(c), r.predicted.contains(c)) {
            case (true, true): k.truePositives += 1
            case (false, true): k.falsePositives += 1
            case (true, false): k.falseNegatives += 1
            case (false, false): k.trueNegatives += 1
            }
        }
        return k
    }

    /// A record's single rhythm label (see ``StatementClass/rhythms``), "other" when none.
    static func rhythmLabel(_ s: Set<StatementClass>) -> String {
        StatementClass.rhythms.first(where: s.contains)?.rawValue ?? "other"
    }

    /// The per-class table, then the rhythm confusion table.
    public func table() -> String {
        func f(_ v: Double?) -> String { v.map { String(format: "%5.3f", $0) } ?? "    —" }
        var lines = ["Statements vs \(source): \(rows.count) records" + (failures.isEmpty ? "" : ", \(failures.count) failed"),
                     "class   ref  pred   TP   FP   FN     Se    PPV     F1"]
        for c in StatementClass.allCases {
            let k = counts(c)
            let ref = k.truePositives + k.falseNegatives, pred = k.truePositives + k.falsePositives
            guard ref + pred > 0 else { continue }
            lines.append(String(format: "%@ %4d %5d %4d %4d %4d  %@  %@  %@", c.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0),
                                ref, pred, k.truePositives, k.falsePositives, k.falseNegatives, f(k.sensitivity), f(k.ppv), f(k.f1)))
        }
        let assessedCount = { (c: StatementClass) in rows.filter { !$0.unassessed.contains(c) }.count }
        let partly = StatementClass.allCases.compactMap { c -> String? in
            let assessed = assessedCount(c)
            return assessed < rows.count && assessed > 0 ? "\(c.rawValue) on \(assessed)" : nil
        }
        let never = StatementClass.allCases.filter { !rows.isEmpty && assessedCount($0) == 0 }.map(\.rawValue)
        if !partly.isEmpty {
            lines.append("Scored only where the reference assesses the class: " + partly.joined(separator: ", ") + " records")
        }
        if !never.isEmpty {
            lines.append("Not scored (the reference does not assess them): " + never.joined(separator: ", "))
        }
        let labels = StatementClass.rhythms.map(\.rawValue) + ["other"]
        var matrix: [String: [String: Int]] = [:]
        for r in rows { matrix[Self.rhythmLabel(r.reference), default: [:]][Self.rhythmLabel(r.predicted), default: 0] += 1 }
        let used = labels.filter { l in matrix[l] != nil || matrix.values.contains { $0[l] != nil } }
        lines.append("")
        lines.append("Rhythm confusion (rows: reference, columns: interpreter)")
        lines.append("ref\\pred " + used.map { $0.padding(toLength: 6, withPad: " ", startingAt: 0) }.joined(separator: ""))
        for r in used where matrix[r] != nil {
            lines.append(r.padding(toLength: 9, withPad: " ", startingAt: 0)
                         + used.map { String(format: "%-6d", matrix[r]?[$0] ?? 0) }.joined(separator: ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Records where reference and interpreter disagree, one line each.
    public func disagreements() -> String {
        rows.compactMap { r -> String? in
            let missed = r.reference.subtracting(r.predicted).subtracting(r.unassessed).sorted().map(\.rawValue)
            let extra = r.predicted.subtracting(r.reference).subtracting(r.unassessed).sorted().map(\.rawValue)
            guard !missed.isEmpty || !extra.isEmpty else { return nil }
            return "\(r.record): missed [\(missed.joined(separator: " "))] extra [\(extra.joined(separator: " "))] | "
                + r.statements.joined(separator: "; ")
        }.joined(separator: "\n") + "\n"
    }
}
