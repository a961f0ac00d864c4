import ECGModel

/// What was measured, where, and which threshold it was compared with.
///
/// Everything here is language-neutral (quantities are codes, thresholds are symbols and
/// numbers), so a narrative in any language renders the same evidence.
public struct Evidence: Sendable, Equatable {
    /// The measured quantity or morphological feature.
    public var quantity: Quantity
    /// The value, in ``unit``; `nil` when not measurable (never a made-up zero).
    public var value: Double?
    public var unit: MeasurementUnit
    /// The leads the value comes from (empty for global measurements).
    public var leads: [String]
    /// The threshold as written in the criterion, e.g. "≥ 120 ms"; empty for plain context.
    public var threshold: String
    /// Whether this piece of evidence satisfies its criterion.
    public var met: Bool
    public var criterion: Criterion
    /// A statement this evidence refers to (the summary line names its most severe statement).
    public var related: StatementCode?
    public var relatedCertainty: Certainty?

    public init(_ quantity: Quantity, value: Double?, unit: MeasurementUnit, leads: [String] = [],
                threshold: String = "", met: Bool, criterion: Criterion, related: Statement? = nil) {
        self.related = related?.code
        self.relatedCertainty = related?.certainty
        self.quantity = quantity
        self.value = value
        self.unit = unit
        self.leads = leads
        self.threshold = threshold
        self.met = met
        self.criterion = criterion
    }

    /// The value as clinicians write it: ms and bpm as integers, degrees as integers, mV with two
    /// decimals; "not measurable" when absent.
    public var formattedValue: String? {
        guard let value, value.isFinite else { return nil }
        return MeasurementUnit.format(value, unit)
    }

    /// "QRS duration 124 ms (≥ 120 ms; AHA/ACCF/HRS 2009 part III (Surawicz))".
    public var text: String {
        var s = quantity.english
        if !leads.isEmpty { s += " in " + leads.joined(separator: ", ") }
        if value != nil || unit != .none { s += " " + (formattedValue ?? "not measurable") }
        if let related { s += ": " + Statement(code: related, certainty: relatedCertainty ?? .definite, evidence: []).text }
        var bracket: [String] = []
        // The sex entry states a fact the criterion depends on; it has no threshold to miss.
        if !threshold.isEmpty { bracket.append((met || quantity == .sex ? "" : "not ") + threshold) }
        bracket.append(criterion.citation)
        return s + " (" + bracket.joined(separator: "; ") + ")"
    }
}

/// The units evidence is expressed in.
public enum MeasurementUnit: String, Sendable, Equatable {
    case ms, bpm, mV, degrees, percent, count, none
    /// A dimensionless ratio, written with two decimals.
    case ratio

    public static func format(_ v: Double, _ unit: MeasurementUnit) -> String {
        switch unit {
        case .ms: "\(Int(v.rounded())) ms"
        case .bpm: "\(Int(v.rounded())) bpm"
        case .degrees: "\(Int(v.rounded()))°"
        case .mV: FixedPoint.text(v, decimals: 2) + " mV"
        case .percent: "\(Int(v.rounded()))%"
        case .count: "\(Int(v.rounded()))"
        case .ratio: FixedPoint.text(v, decimals: 2)
        case .none: v == 0 ? "no" : "yes"
        }
    }
}

/// The measured quantities and morphological features rules refer to.
public enum Quantity: String, Sendable, Equatable, CaseIterable {
    case beatCount, heartRate, atrialRate, rrIrregularity, rrPatternResidual, rrRange, rrRatio, pWavePresence, prVariability, pAxis
    case prInterval, qrsDuration, qtInterval, qtcBazett, qtcFridericia, qrsAxis
    case medianLeadQRSDuration, medianLeadQTcBazett, medianLeadQTcFridericia
    case rsrPrime, dominantR, terminalS, absentQ, broadR, qRPattern, rSPattern
    case sokolowLyon, cornell, sex, age, limbQRSAmplitude, precordialQRSAmplitude
    case stAtJ, stAtJ60, tAmplitude
    case prematureAtrialBeats, prematureVentricularBeats, bigeminalCycles, trigeminalCycles, couplets
    case pacedBeats, continuousAtrialActivity
    case worstStatement
    case invalidSamples, peakToPeakAmplitude, clippedSamples, beatConsistency, leadPolarity
    case limbLeadResidual, gainFitResidual, peakToPeakSpread

    /// The English name used in evidence lines.
    public var english: String {
        switch self {
        case .beatCount: "QRS complexes detected"
        case .heartRate: "ventricular rate"
        case .atrialRate: "atrial rate"
        case .rrIrregularity: "RR irregularity (median successive difference / mean RR)"
        case .rrPatternResidual: "RR irregularity left by the best 2- or 3-beat repeating cycle"
        case .rrRange: "RR range (longest − shortest, dominant beats)"
        case .rrRatio: "longest over shortest RR (dominant beats)"
        case .pWavePresence: "beats with a P wave"
        case .prVariability: "PR interval standard deviation"
        case .pAxis: "P axis"
        case .prInterval: "PR interval"
        case .qrsDuration: "QRS duration"
        case .qtInterval: "QT interval"
        case .qtcBazett: "twelve-lead QTc (Bazett)"
        case .qtcFridericia: "twelve-lead QTc (Fridericia)"
        case .medianLeadQRSDuration: "QRS duration in the median lead"
        case .medianLeadQTcBazett: "QTc (Bazett) in the median lead"
        case .medianLeadQTcFridericia: "QTc (Fridericia) in the median lead"
        case .qrsAxis: "QRS axis"
        case .rsrPrime: "rSR′ (second R wave)"
        case .dominantR: "dominant R wave (R > S)"
        case .terminalS: "terminal S wave"
        case .absentQ: "no Q wave"
        case .broadR: "broad monophasic R wave"
        case .qRPattern: "qR pattern"
        case .rSPattern: "rS pattern"
        case .sokolowLyon: "Sokolow–Lyon voltage S(V1) + R(V5/V6)"
        case .cornell: "Cornell voltage R(aVL) + S(V3)"
        case .sex: "sex"
        case .age: "age"
        case .limbQRSAmplitude: "largest limb-lead QRS amplitude"
        case .precordialQRSAmplitude: "largest precordial QRS amplitude"
        case .stAtJ: "ST level at J"
        case .stAtJ60: "ST level at J+60 ms"
        case .tAmplitude: "T amplitude"
        case .prematureAtrialBeats: "premature beats with the dominant QRS"
        case .prematureVentricularBeats: "premature beats with a different, wide QRS"
        case .bigeminalCycles: "bigeminal cycles (ectopic every 2nd beat)"
        case .trigeminalCycles: "trigeminal cycles (ectopic every 3rd beat)"
        case .couplets: "pairs of consecutive ventricular ectopic beats"
        case .pacedBeats: "beats with a pacemaker spike before the QRS"
        case .continuousAtrialActivity: "continuous atrial (flutter-wave) activity"
        case .worstStatement: "most severe statement"
        case .invalidSamples: "invalid samples"
        case .peakToPeakAmplitude: "peak-to-peak amplitude"
        case .clippedSamples: "samples clipped at the extreme value"
        case .beatConsistency: "median correlation of the beats with the lead's average beat"
        case .leadPolarity: "largest upward over largest downward deflection"
        case .limbLeadResidual: "limb-lead relation residual (RMS slope of the difference / RMS slope of I, II, III)"
        case .gainFitResidual: "limb-lead relation residual after dividing each lead by its fitted gain"
        case .peakToPeakSpread: "largest over smallest peak-to-peak amplitude of the leads"
        }
    }
}
