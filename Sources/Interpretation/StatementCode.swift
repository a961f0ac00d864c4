/// Every statement the interpreter can make, worded as MIMIC-IV-ECG machine reports word them so
/// that the two can be compared line by line.
public enum StatementCode: String, Sendable, Equatable, CaseIterable {
    // Signal quality
    case noQRSDetected, poorSignalQuality, leadsUnsuitable, armLeadReversal
    case limbLeadsInconsistent, limbLeadsRescaled, amplitudesNormalised
    // Rhythm
    case sinusRhythm, sinusBradycardia, sinusTachycardia, sinusArrhythmia
    case atrialFibrillation, atrialFlutter, ectopicAtrialRhythm, junctionalRhythm, supraventricularTachycardia
    case undeterminedRhythm
    case ventricularPacedRhythm
    // Ectopy
    case atrialPrematureComplexes, ventricularPrematureComplexes
    case ventricularBigeminy, ventricularTrigeminy, ventricularCouplets
    // Conduction
    case firstDegreeAVBlock, shortPR, wpwPattern
    case rightBundleBranchBlock, incompleteRightBundleBranchBlock, leftBundleBranchBlock
    case intraventricularConductionDelay, leftAnteriorFascicularBlock, leftPosteriorFascicularBlock
    // Axis
    case leftAxisDeviation, rightAxisDeviation, indeterminateAxis
    // Voltage
    case leftVentricularHypertrophy, lowVoltageLimbLeads, lowVoltagePrecordialLeads
    // Repolarization
    case prolongedQT, stElevation, stDepression, tWaveInversion
    // Summary
    case normalECG, borderlineECG, abnormalECG

    /// The MIMIC-IV-ECG machine-report phrase (without certainty word or region).
    public var phrase: String {
        switch self {
        case .noQRSDetected: "No QRS complexes detected"
        case .poorSignalQuality: "Poor data quality, interpretation may be adversely affected"
        case .leadsUnsuitable: "Lead(s) unsuitable for analysis"
        case .armLeadReversal: "Arm lead reversal"
        case .limbLeadsInconsistent: "Limb leads inconsistent with each other, axes not determined"
        case .limbLeadsRescaled: "Limb leads rescaled one by one, QRS and T axes from their restored gains"
        case .amplitudesNormalised: "Every lead scaled to the same amplitude, voltage criteria not applied"
        case .sinusRhythm: "Sinus rhythm"
        case .sinusBradycardia: "Sinus bradycardia"
        case .sinusTachycardia: "Sinus tachycardia"
        case .sinusArrhythmia: "Sinus arrhythmia"
        case .atrialFibrillation: "Atrial fibrillation"
        case .atrialFlutter: "Atrial flutter"
        case .ectopicAtrialRhythm: "Ectopic atrial rhythm"
        case .junctionalRhythm: "Junctional rhythm"
        case .supraventricularTachycardia: "Supraventricular tachycardia"
        case .undeterminedRhythm: "Undetermined rhythm"
        case .ventricularPacedRhythm: "Ventricular-paced rhythm"
        case .atrialPrematureComplexes: "Atrial premature complexes"
        case .ventricularPrematureComplexes: "Ventricular premature complexes"
        case .ventricularBigeminy: "Ventricular bigeminy"
        case .ventricularTrigeminy: "Ventricular trigeminy"
        case .ventricularCouplets: "Ventricular couplets"
        case .firstDegreeAVBlock: "1st degree A-V block"
        case .shortPR: "Short PR interval"
        case .wpwPattern: "Ventricular pre-excitation, WPW pattern"
        case .rightBundleBranchBlock: "Right bundle branch block"
        case .incompleteRightBundleBranchBlock: "Incomplete right bundle branch block"
        case .leftBundleBranchBlock: "Left bundle branch block"
        case .intraventricularConductionDelay: "Nonspecific intraventricular conduction delay"
        case .leftAnteriorFascicularBlock: "Left anterior fascicular block"
        case .leftPosteriorFascicularBlock: "Left posterior fascicular block"
        case .leftAxisDeviation: "Left axis deviation"
        case .rightAxisDeviation: "Right axis deviation"
        case .indeterminateAxis: "Indeterminate axis"
        case .leftVentricularHypertrophy: "Left ventricular hypertrophy"
        case .lowVoltageLimbLeads: "Low QRS voltages in limb leads"
        case .lowVoltagePrecordialLeads: "Low QRS voltages in precordial leads"
        case .prolongedQT: "Prolonged QT interval"
        case .stElevation: "ST elevation"
        case .stDepression: "ST depression"
        case .tWaveInversion: "T wave inversion"
        case .normalECG: "Normal ECG"
        case .borderlineECG: "Borderline ECG"
        case .abnormalECG: "Abnormal ECG"
        }
    }

    /// Whether the phrase takes a region adjective ("Inferior ST elevation").
    public var isRegional: Bool { self == .stElevation || self == .stDepression || self == .tWaveInversion }

    public var category: StatementCategory {
        switch self {
        case .noQRSDetected, .poorSignalQuality, .leadsUnsuitable, .armLeadReversal, .limbLeadsInconsistent,
             .limbLeadsRescaled, .amplitudesNormalised: .quality
        case .sinusRhythm, .sinusBradycardia, .sinusTachycardia, .sinusArrhythmia, .atrialFibrillation,
             .atrialFlutter, .ectopicAtrialRhythm, .junctionalRhythm, .supraventricularTachycardia, .undeterminedRhythm,
             .ventricularPacedRhythm: .rhythm
        case .atrialPrematureComplexes, .ventricularPrematureComplexes, .ventricularBigeminy,
             .ventricularTrigeminy, .ventricularCouplets: .ectopy
        case .firstDegreeAVBlock, .shortPR, .wpwPattern, .rightBundleBranchBlock,
             .incompleteRightBundleBranchBlock, .leftBundleBranchBlock, .intraventricularConductionDelay,
             .leftAnteriorFascicularBlock, .leftPosteriorFascicularBlock: .conduction
        case .leftAxisDeviation, .rightAxisDeviation, .indeterminateAxis: .axis
        case .leftVentricularHypertrophy, .lowVoltageLimbLeads, .lowVoltagePrecordialLeads: .voltage
        case .prolongedQT, .stElevation, .stDepression, .tWaveInversion: .repolarization
        case .normalECG, .borderlineECG, .abnormalECG: .summary
        }
    }

    /// The weight of a definite statement in the summary line. Minor rate and conduction
    /// variants that are common in healthy people make an ECG borderline, not abnormal.
    public var severity: Severity {
        switch self {
        case .sinusRhythm, .normalECG, .leadsUnsuitable, .limbLeadsInconsistent, .limbLeadsRescaled,
             .amplitudesNormalised: .normal
        case .sinusBradycardia, .sinusTachycardia, .sinusArrhythmia, .atrialPrematureComplexes,
             .incompleteRightBundleBranchBlock, .shortPR, .borderlineECG, .lowVoltagePrecordialLeads: .borderline
        default: .abnormal
        }
    }
}
