/// How often each way of measuring a record's QRS reaches 120 ms, set against what the same
/// cardiologists diagnosed on the record.
///
/// A QRS of 120 ms or more is what complete bundle branch block (and a paced ventricle) means;
/// incomplete right bundle branch block and the fascicular blocks are defined below it. LUDB's
/// `ludb.csv` gives each record's conduction diagnoses, so a QRS measure can be checked against
/// them: among records diagnosed without a wide-QRS conduction abnormality it should rarely
/// reach 120 ms, among records with complete bundle branch block or ventricular pacing it
/// should. Applied to the twelve-lead reference of `evaluate measurements` this asks whether
/// matching that reference is compatible with the diagnoses made on the same tracings.
public struct QRSWidthByDiagnosis: Sendable, Equatable {
    /// A QRS duration of one record, by who measured it and how.
    public enum Measure: String, Sendable, CaseIterable {
        case reference = "Reference (union of the 12 leads' marks)"
        case withoutMostExtremeLead = "Reference without each beat's most extreme lead"
        case singleLeadReference = "Cardiologists' median single-lead QRS"
        case twelveLead = "Ours, twelve-lead (qrs_onset to qrs_end)"
        case medianLead = "Ours, median lead"
        /// What reports and interpretation rules state (``InterpretationInput/robustQRS(global:perLead:)``).
        case reported = "Ours, as reported (the QRS the rules use)"
    }

    /// Records of one diagnosis group and how many of them a measure puts at 120 ms or more.
    public struct Count: Sendable, Equatable {
        public var records = 0
        public var wide = 0
        /// Records at 130 ms or more: any QRS within the 10 ms tolerance of such a value is wide.
        public var wideWithinTolerance = 0

        public var share: Double? { records > 0 ? Double(wide) / Double(records) : nil }

        mutating func add(_ qrs: Double) {
            records += 1
            if qrs >= QRSWidthByDiagnosis.wideQRS { wide += 1 }
            if qrs >= QRSWidthByDiagnosis.wideQRS + ComparedQuantity.qrs.tolerance { wideWithinTolerance += 1 }
        }
    }

    /// The duration that makes a QRS wide, in ms.
    public static let wideQRS = 120.0

    /// Per measure: records diagnosed without a wide-QRS conduction abnormality.
    public var narrowDiagnosis: [Measure: Count] = [:]
    /// Per measure: records diagnosed with complete bundle branch block or ventricular pacing.
    public var wideDiagnosis: [Measure: Count] = [:]

    public init() {}

    /// `true` when the diagnoses imply a QRS of at least 120 ms (complete right or left bundle
    /// branch block, ventricular pacing), `false` when they name no conduction abnormality that
    /// can widen it that far (intraventricular conduction delay and pre-excitation can, so they
    /// imply neither), `nil` otherwise.
    public static func impliesWideQRS(_ classes: Set<StatementClass>) -> Bool? {
        if !classes.isDisjoint(with: [.CRBBB, .CLBBB, .PACE]) { return true }
        if !classes.isDisjoint(with: [.IVCD, .WPW]) { return nil }
        return false
    }

    /// Adds one record: its diagnosis classes and each measure's QRS (missing ones are skipped).
    public mutating func add(classes: Set<StatementClass>, qrs: [Measure: Double]) {
        guard let wide = Self.impliesWideQRS(classes) else { return }
        let group: WritableKeyPath<Self, [Measure: Count]> = wide ? \.wideDiagnosis : \.narrowDiagnosis
        for (measure, value) in qrs { self[keyPath: group][measure, default: Count()].add(value) }
    }

    /// True when no record had diagnoses to compare with (no `ludb.csv`, or no record in either group).
    public var isEmpty: Bool { narrowDiagnosis.isEmpty && wideDiagnosis.isEmpty }

    func table() -> [String] {
        func cell(_ c: Count?) -> String {
            guard let c, let share = c.share else { return "        —" }
            return String(format: "%3d/%-3d %5.1f %%", c.wide, c.records, share * 100)
        }
        var lines = ["", "QRS ≥ 120 ms against the cardiologists' diagnoses (ludb.csv)",
                     "  Measure                                           no wide-QRS diagnosis   complete BBB or paced"]
        for m in Measure.allCases where narrowDiagnosis[m] != nil || wideDiagnosis[m] != nil {
            lines.append("  " + m.rawValue.padding(toLength: 48, withPad: " ", startingAt: 0) + "  "
                         + cell(narrowDiagnosis[m]) + "        " + cell(wideDiagnosis[m]))
        }
        if let reference = narrowDiagnosis[.reference] {
            lines.append(String(format: "  Without a wide-QRS diagnosis, the reference is %g ms or more on %d/%d: within ±%g ms of it, a QRS is wide there",
                                Self.wideQRS + ComparedQuantity.qrs.tolerance, reference.wideWithinTolerance,
                                reference.records, ComparedQuantity.qrs.tolerance))
        }
        return lines
    }
}
