/// The published source of a rule's thresholds, cited in every statement's evidence.
public enum Criterion: String, Sendable, Equatable, CaseIterable {
    /// Kligfield et al., AHA/ACC/HRS recommendations for the standardization and interpretation
    /// of the ECG, part I (Circulation 2007;115:1306): rate limits of sinus rhythm (60–100 bpm),
    /// sinus P wave (upright in I and II, P axis 0°…+90°).
    case ahaPart1Rhythm
    /// Mason et al., AHA/ACCF/HRS recommendations, part II: the electrocardiography diagnostic
    /// statement list (Circulation 2007;115:1325): ventricular-paced rhythm, a QRS initiated by a
    /// pacemaker stimulus.
    case ahaPart2PacedRhythm
    /// Kusumoto et al., 2018 ACC/AHA/HRS guideline on the evaluation and management of patients
    /// with bradycardia and cardiac conduction delay (Circulation 2019;140:e382): sinus
    /// bradycardia is a sinus rate < 50 bpm.
    case bradycardiaGuideline
    /// Surawicz et al., AHA/ACCF/HRS recommendations, part III: intraventricular conduction
    /// disturbances (Circulation 2009;119:e235): bundle branch blocks, fascicular blocks, IVCD,
    /// pre-excitation; also the PR > 200 ms limit of first-degree AV block.
    case ahaPart3Conduction
    /// Rautaharju et al., AHA/ACCF/HRS recommendations, part IV: the ST segment, T and U waves,
    /// and the QT interval (Circulation 2009;119:e241): QTc ≥ 450 ms men, ≥ 460 ms women.
    case ahaPart4QT
    /// Hancock et al., AHA/ACCF/HRS recommendations, part V: chamber hypertrophy (Circulation
    /// 2009;119:e251): voltage criteria, low-voltage limits (limb < 0.5 mV, precordial < 1.0 mV).
    case ahaPart5Hypertrophy
    /// Sokolow M, Lyon TP, Am Heart J 1949;37:161: S(V1) + R(V5 or V6) ≥ 3.5 mV.
    case sokolowLyon
    /// Casale et al., Circulation 1985;72:565 (Cornell voltage): R(aVL) + S(V3) > 2.8 mV men,
    /// > 2.0 mV women.
    case cornellVoltage
    /// Thygesen et al., Fourth universal definition of myocardial infarction (Circulation
    /// 2018;138:e618): new ST elevation at the J point in two contiguous leads ≥ 0.1 mV (V2–V3:
    /// ≥ 0.2 mV men ≥ 40 y, ≥ 0.25 mV men < 40 y, ≥ 0.15 mV women); horizontal or downsloping ST
    /// depression ≥ 0.05 mV; T inversion > 0.1 mV in two contiguous leads with prominent R.
    case universalMIDefinition
    /// Hindricks et al., 2020 ESC guidelines for atrial fibrillation (Eur Heart J 2021;42:373):
    /// irregularly irregular RR intervals, no distinct repeating P waves.
    case escAtrialFibrillation
    /// Page et al., 2015 ACC/AHA/HRS guideline for the management of adult patients with
    /// supraventricular tachycardia (Circulation 2016;133:e506): SVT is a tachycardia (rate
    /// > 100 bpm at rest) whose mechanism involves tissue from the His bundle or above; a regular
    /// narrow-QRS tachycardia without visible P waves is most often AVNRT, AVRT, or atrial
    /// flutter with fixed (typically 2:1) conduction.
    case accSupraventricularTachycardia
    /// Sinus arrhythmia after the Telemetric and Holter ECG Warehouse (THEW, University of
    /// Rochester) arrhythmia library, which asks for P–P variation over 120 ms with the longest
    /// RR more than 35 % (and less than 100 %) longer than the one before it; applied here to
    /// the longest and shortest dominant RR of a 10-s strip, since a respiratory cycle spans
    /// several beats. A marked variation, the one cardiologists name on a 10-s ECG.
    case thewSinusArrhythmia
    /// The frontal QRS axis ranges of Surawicz et al. 2009 (part III): left axis deviation
    /// −30°…−90°, right axis deviation > +90°, indeterminate (north-west) −90°…±180°.
    case ahaAxis
    /// Premature and ectopic complexes: a beat with the dominant QRS whose RR is < 85 % of the
    /// dominant RR (atrial/supraventricular: the delineation's beat typing), or a different, wide
    /// QRS whose RR is < 90 % of it (ventricular).
    case prematureComplexes
    /// Signal quality: an interpretation needs detected QRS complexes and a representative beat;
    /// a lead is unsuitable when most samples are invalid, it is flat (< 0.02 mV peak to peak) or
    /// clipped (> 2 % of samples held at the extreme).
    case signalQuality
    /// Orphanidou et al., Signal-quality indices for the electrocardiogram and photoplethysmogram
    /// (IEEE J Biomed Health Inform 2015;19:832): a lead's beats must correlate with its average
    /// beat (≥ 0.66).
    case templateMatching
    /// Batchvarov VN, Malik M, Camm AJ, Incorrect electrode cable connection during
    /// electrocardiographic recording (Europace 2007;9:1081): LA/RA reversal inverts lead I
    /// (and swaps aVR with aVL) while the precordial leads keep their normal polarity.
    case electrodeReversal
    /// Einthoven's law (III = II − I) and Goldberger's augmented leads (aVR = −(I + II)/2,
    /// aVL = (I − III)/2, aVF = (II + III)/2): the six limb leads hold two independent signals.
    case limbLeadRelations
    /// The summary line: normal when every statement is normal, borderline when the worst is
    /// borderline, abnormal otherwise (the convention of GE 12SL / MIMIC-IV-ECG reports).
    case summaryConvention

    /// A short citation for reports.
    public var citation: String {
        switch self {
        case .ahaPart1Rhythm: "AHA/ACC/HRS 2007 part I (Kligfield)"
        case .ahaPart2PacedRhythm: "AHA/ACCF/HRS 2007 part II statement list (Mason)"
        case .bradycardiaGuideline: "ACC/AHA/HRS 2018 bradycardia guideline (Kusumoto)"
        case .ahaPart3Conduction: "AHA/ACCF/HRS 2009 part III (Surawicz)"
        case .ahaPart4QT: "AHA/ACCF/HRS 2009 part IV (Rautaharju)"
        case .ahaPart5Hypertrophy: "AHA/ACCF/HRS 2009 part V (Hancock)"
        case .sokolowLyon: "Sokolow–Lyon 1949"
        case .cornellVoltage: "Cornell voltage (Casale 1985)"
        case .universalMIDefinition: "Fourth universal definition of MI 2018"
        case .escAtrialFibrillation: "ESC 2020 atrial fibrillation guidelines"
        case .accSupraventricularTachycardia: "ACC/AHA/HRS 2015 SVT guideline (Page)"
        case .thewSinusArrhythmia: "sinus arrhythmia: longest RR > 35% longer than the shortest (after THEW)"
        case .ahaAxis: "AHA/ACCF/HRS 2009 part III axis ranges"
        case .prematureComplexes: "premature complex: RR < 85% (supraventricular, and < 85% of the preceding RR) or < 90% (ventricular) of dominant RR"
        case .signalQuality: "signal quality"
        case .templateMatching: "template-matching signal quality (Orphanidou 2015)"
        case .electrodeReversal: "electrode cable reversal (Batchvarov 2007)"
        case .limbLeadRelations: "Einthoven's and Goldberger's limb-lead relations"
        case .summaryConvention: "summary convention (normal/borderline/abnormal)"
        }
    }
}
