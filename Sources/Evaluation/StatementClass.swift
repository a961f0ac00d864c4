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

    /// Classes from a row of LUDB's `ludb.csv`: its cells hold one diagnosis per line
    /// ("Sinus rhythm", "Incomplete right bundle branch block", "Atrial extrasystole: undefined", …).
    /// Ventricular pacing (unipolar, bipolar, biventricular, P-synchronous) counts as a paced rhythm.
    public static func fromLUDB(rhythms: String, conduction: String, extrasystoles: String,
                                pacing: String) -> Set<StatementClass> {
        func lines(_ cell: String) -> [String] {
            cell.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        }
        var out = Set<StatementClass>()
        for l in lines(rhythms) {
            if l == "sinus rhythm" { out.insert(.SR) }
            if l == "sinus bradycardia" { out.insert(.SBRAD) }
            if l == "sinus tachycardia" { out.insert(.STACH) }
            if l == "sinus arrhythmia" || l == "irregular sinus rhythm" { out.insert(.SARRH) }
            if l.hasPrefix("atrial fibrillation") { out.insert(.AFIB) }
            if l.hasPrefix("atrial flutter") { out.insert(.AFLT) }
        }
        for l in lines(conduction) {
            switch l {
            case "i degree av block": out.insert(.AVB1)
            case "complete right bundle branch block": out.insert(.CRBBB)
            case "incomplete right bundle branch block": out.insert(.IRBBB)
            case "complete left bundle branch block": out.insert(.CLBBB)
            case "left anterior hemiblock": out.insert(.LAFB)
            case "left posterior hemiblock": out.insert(.LPFB)
            case "non-specific intravintricular conduction delay", "non-specific intraventricular conduction delay":
                out.insert(.IVCD)
            default: if l.contains("wpw") { out.insert(.WPW) }
            }
        }
        for l in lines(extrasystoles) {
            if l.hasPrefix("atrial extrasystole") { out.insert(.PAC) }
            if l.hasPrefix("ventricular extrasystole") { out.insert(.PVC) }
        }
        if lines(pacing).contains(where: { $0.contains("ventricular pacing") || $0 == "p-synchrony" }) { out.insert(.PACE) }
        return withSinus(out)
    }

    /// What LUDB's labels cannot be scored on: its amplitudes are scaled lead by lead (every
    /// lead of LUDB 1.0.1 spans 1 mV), so no voltage or axis is measured there, and its axis
    /// classes follow another convention ("left axis deviation" on 38 of records 1–100);
    /// QT prolongation and low voltage are not among its labels.
    public static let unassessedInLUDB: Set<StatementClass> = [.LAD, .RAD, .LVH, .LVOLT, .LNGQT]

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
