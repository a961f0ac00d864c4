/// How firmly a statement's criteria are met.
///
/// Machine ECG reports qualify a finding when only part of its criteria is met; the qualifier is
/// part of the statement ("Possible left ventricular hypertrophy", "Borderline prolonged QT
/// interval"), never a silent upgrade to a definite finding.
public enum Certainty: String, Sendable, Equatable, CaseIterable {
    /// Every criterion met.
    case definite
    /// The main criterion met, a supporting one missing or not measurable.
    case possible
    /// A measurement within a small margin of its threshold.
    case borderline
    /// Criteria met, but a condition that cannot be excluded from the ECG alone must be considered.
    case consider
}

/// Which part of the interpretation a statement belongs to (the order of a machine report).
public enum StatementCategory: String, Sendable, Equatable, CaseIterable, Comparable {
    case quality, rhythm, ectopy, conduction, axis, voltage, repolarization, summary

    public static func < (a: StatementCategory, b: StatementCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How a statement weighs in the summary line.
public enum Severity: Int, Sendable, Equatable, Comparable {
    case normal = 0, borderline = 1, abnormal = 2

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
}

/// A contiguous lead group, for regional ST and T findings.
public enum LeadRegion: String, Sendable, Equatable, CaseIterable {
    /// II, III, aVF.
    case inferior
    /// I, aVL, V5, V6.
    case lateral
    /// V1, V2.
    case septal
    /// V3, V4.
    case anterior

    /// The leads of the region, in standard order.
    public var labels: [String] {
        switch self {
        case .inferior: ["II", "III", "aVF"]
        case .lateral: ["I", "aVL", "V5", "V6"]
        case .septal: ["V1", "V2"]
        case .anterior: ["V3", "V4"]
        }
    }

    /// Pairs of leads that are anatomically contiguous within the region (a regional finding needs
    /// two contiguous leads, as in the universal definition of myocardial infarction).
    public var contiguousPairs: [(String, String)] {
        switch self {
        case .inferior: [("II", "aVF"), ("III", "aVF"), ("II", "III")]
        case .lateral: [("I", "aVL"), ("V5", "V6"), ("I", "V6")]
        case .septal: [("V1", "V2")]
        case .anterior: [("V3", "V4"), ("V2", "V3")]
        }
    }

    /// The English adjective used in MIMIC-IV-ECG reports.
    public var english: String {
        switch self {
        case .inferior: "Inferior"
        case .lateral: "Lateral"
        case .septal: "Septal"
        case .anterior: "Anterior"
        }
    }
}

/// The ventricular rate qualifier of atrial fibrillation and flutter.
public enum VentricularResponse: String, Sendable, Equatable {
    /// Mean ventricular rate above 100 bpm.
    case rapid
    /// Mean ventricular rate below 60 bpm.
    case slow
    /// 60–100 bpm: no qualifier in the report.
    case controlled
}

/// One interpretive statement, with the evidence that triggered it.
public struct Statement: Sendable, Equatable {
    public var code: StatementCode
    public var certainty: Certainty
    /// The region of a regional ST/T finding.
    public var region: LeadRegion?
    /// The ventricular response of atrial fibrillation or flutter.
    public var response: VentricularResponse?
    /// The measurements, leads and thresholds behind the statement (never empty).
    public var evidence: [Evidence]
    /// The leads a statement names in its text ("Lead(s) unsuitable for analysis: V1, V3").
    public var leads: [String]

    public init(code: StatementCode, certainty: Certainty = .definite, region: LeadRegion? = nil,
                response: VentricularResponse? = nil, leads: [String] = [], evidence: [Evidence]) {
        self.code = code
        self.certainty = certainty
        self.region = region
        self.response = response
        self.leads = leads
        self.evidence = evidence
    }

    public var category: StatementCategory { code.category }

    /// The statement's weight in the summary line: a qualified finding counts as borderline.
    public var severity: Severity {
        let base = code.severity
        if base == .abnormal, certainty != .definite { return .borderline }
        return base
    }

    /// The English text, in MIMIC-IV-ECG machine-report wording.
    public var text: String {
        var phrase = code.phrase
        if let region, code.isRegional { phrase = region.english + " " + Statement.lowercasingFirst(phrase) }
        if let response {
            switch response {
            case .rapid: phrase += " with rapid ventricular response"
            case .slow: phrase += " with slow ventricular response"
            case .controlled: break
            }
        }
        if !leads.isEmpty { phrase += ": " + leads.joined(separator: ", ") }
        switch certainty {
        case .definite: return phrase
        case .possible: return "Possible " + Statement.lowercasingFirst(phrase)
        case .borderline: return "Borderline " + Statement.lowercasingFirst(phrase)
        case .consider: return "Consider " + Statement.lowercasingFirst(phrase)
        }
    }

    /// Lower-cases the first letter unless the first word is an abbreviation ("ST", "WPW", "A-V").
    static func lowercasingFirst(_ s: String) -> String {
        let chars = Array(s)
        guard chars.count > 1, chars[0].isUppercase, chars[1].isLowercase else { return s }
        return chars[0].lowercased() + String(chars.dropFirst())
    }
}
