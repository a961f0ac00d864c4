import Interpretation

/// The classes statements are scored on, named by PTB-XL SCP codes.
public enum StatementClass: String, Sendable, CaseIterable, Comparable {
    case SR, SBRAD, STACH, SARRH, AFIB, AFLT, PACE, PAC, PVC
    case AVB1 = "1AVB"
    case CRBBB, IRBBB, CLBBB, IVCD, LAFB, LPFB, WPW, LAD, RAD, LVH, LVOLT, LNGQT
    /// Sinus rhythm of any rate or regularity (SR, SBRAD, STACH or SARRH on either side): the
    /// rhythm's origin, independent of where the rate limits are drawn.
    case SINUS

    public static func < (a: StatementClass, b: StatementClass) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The rhythm classes, in the order a record's single rhythm label is chosen.
    public static let rhythms: [StatementClass] = [.AFIB, .AFLT, .PACE, .STACH, .SBRAD, .SARRH, .SR]

    /// The classes of an interpretation. Borderline statements (a value within measurement error
    /// of its threshold) are not counted: a reference reader would not code them either.
    public static func predicted(_ statements: [Statement]) -> Set<StatementClass> {
        withSinus(Set(statements.filter { $0.certainty != .borderline }.compactMap { of($0.code) }))
    }

    /// Adds ``SINUS`` when any sinus class is present.
    static func withSinus(_ s: Set<StatementClass>) -> Set<StatementClass> {
        s.isDisjoint(with: [.SR, .SBRAD, .STACH, .SARRH]) ? s : s.union([.SINUS])
    }

    /// The class an interpreter statement counts for, if any. Qualified statements ("possible",
    /// "borderline", "consider") count as positive: they are what the report says.
    public static func of(_ code: StatementCode) -> StatementClass? {
        switch code {
        case .sinusRhythm: .SR
        case .sinusBradycardia: .SBRAD
        case .sinusTachycardia: .STACH
        case .sinusArrhythmia: .SARRH
        case .atrialFibrillation: .AFIB
        case .atrialFlutter: .AFLT
        case .ventricularPacedRhythm: .PACE
        case .atrialPrematureComplexes: .PAC
        case .ventricularPrematureComplexes, .ventricularBigeminy, .ventricularTrigeminy, .ventricularCouplets: .PVC
        case .firstDegreeAVBlock: .AVB1
        case .rightBundleBranchBlock: .CRBBB
        case .incompleteRightBundleBranchBlock: .IRBBB
        case .leftBundleBranchBlock: .CLBBB
        case .intraventricularConductionDelay: .IVCD
        case .leftAnteriorFascicularBlock: .LAFB
        case .leftPosteriorFascicularBlock: .LPFB
        case .wpwPattern: .WPW
        case .leftAxisDeviation: .LAD
        case .rightAxisDeviation: .RAD
        case .leftVentricularHypertrophy: .LVH
        case .lowVoltageLimbLeads: .LVOLT
        case .prolongedQT: .LNGQT
        default: nil
        }
    }

    /// Classes from PTB-XL SCP codes and the `heart_axis` column.
    ///
    /// PTB-XL's `LAD` axis value is the German "Linkstyp" (−30°…+30°, a normal variant) and `ALAD`
    /// ("überdrehter Linkstyp", beyond −30°) is left axis deviation proper; `RAD`/`ARAD` are
    /// beyond +90°. `VCLVH` (voltage criteria for LVH) counts as LVH, `BIGU`/`TRIGU` as PVC.
    public static func fromPTBXL(codes: [String], heartAxis: String) -> Set<StatementClass> {
        var out = Set<StatementClass>()
        for code in codes {
            switch code {
            case "VCLVH": out.insert(.LVH)
            case "BIGU", "TRIGU": out.insert(.PVC)
            default: if let c = StatementClass(rawValue: code), c != .LAD, c != .RAD { out.insert(c) }
            }
        }
        switch heartAxis {
        case "ALAD": out.insert(.LAD)
        case "RAD", "ARAD": out.insert(.RAD)
        default: break
        }
        return withSinus(out)
    }

    /// The classes a PTB-XL record leaves unassessed: without a `heart_axis` value its readers
    /// said nothing about the axis, so a deviation there is neither confirmed nor contradicted.
    public static func unassessedInPTBXL(heartAxis: String) -> Set<StatementClass> {
        heartAxis.trimmingCharacters(in: .whitespaces).isEmpty ? [.LAD, .RAD] : []
    }

    /// Classes from the lines of a MIMIC-IV-ECG machine report (`report_0` … `report_17`).
    public static func fromMachineReport(_ lines: [String]) -> Set<StatementClass> {
        var out = Set<StatementClass>()
        for raw in lines {
            let l = raw.lowercased()
            func has(_ s: String) -> Bool { l.contains(s) }
            if l.hasPrefix("sinus rhythm") || has("normal sinus rhythm") { out.insert(.SR) }
            if has("sinus bradycardia") { out.insert(.SBRAD) }
            if has("sinus tachycardia") { out.insert(.STACH) }
            if has("sinus arrhythmia") { out.insert(.SARRH) }
            if has("atrial fibrillation") { out.insert(.AFIB) }
            if has("atrial flutter") { out.insert(.AFLT) }
            if has("pacemaker") || has("paced") { out.insert(.PACE) }
            if has("atrial premature") || has("premature atrial") || has("supraventricular premature") { out.insert(.PAC) }
            if has("ventricular premature") || has("premature ventricular") || has("pvc") || has("ventricular bigeminy") { out.insert(.PVC) }
            if has("1st degree a-v block") || has("first degree av block") || has("first degree a-v block") { out.insert(.AVB1) }
            if has("incomplete right bundle branch block") || has("incomplete rbbb") { out.insert(.IRBBB) }
            else if has("right bundle branch block") || has("rbbb") { out.insert(.CRBBB) }
            if has("left bundle branch block") || has("lbbb") {
                if !has("incomplete") { out.insert(.CLBBB) }
            }
            if has("intraventricular conduction") || has("ivcd") { out.insert(.IVCD) }
            if has("left anterior fascicular block") || has("left anterior hemiblock") { out.insert(.LAFB) }
            if has("left posterior fascicular block") || has("left posterior hemiblock") { out.insert(.LPFB) }
            if has("wpw") || has("pre-excitation") || has("preexcitation") { out.insert(.WPW) }
            if has("left axis deviation") { out.insert(.LAD) }
            if has("right axis deviation") { out.insert(.RAD) }
            if has("left ventricular hypertrophy") || has("lvh") { out.insert(.LVH) }
            if has("low qrs voltage") || has("low voltage") { out.insert(.LVOLT) }
            if has("prolonged qt") || has("long qt") { out.insert(.LNGQT) }
        }
        return withSinus(out)
    }
}
