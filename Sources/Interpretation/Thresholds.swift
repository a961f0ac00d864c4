/// The numeric limits of the rules, each with the criterion it comes from.
///
/// Published limits are used as published; the few limits the literature leaves open
/// (how irregular is "irregularly irregular") are marked as this project's choice.
public enum Thresholds {
    // MARK: Rate (AHA/ACC/HRS 2007 part I; ACC/AHA/HRS 2018 bradycardia guideline)
    /// Sinus bradycardia below this rate (bpm): the 2018 ACC/AHA/HRS bradycardia guideline
    /// defines sinus bradycardia as a sinus rate < 50 bpm, following the 50–90 bpm normal
    /// resting range of Spodick et al. (Am J Cardiol 1992;69:1245). Older conventions and the
    /// machine reports of MIMIC-IV-ECG use 60 bpm; the cardiologists who coded PTB-XL call
    /// 50–59 bpm sinus rhythm as a rule.
    public static let bradycardia = 50.0
    /// Sinus tachycardia above this rate (bpm).
    public static let tachycardia = 100.0
    /// Atrial fibrillation or flutter "with slow ventricular response" below this mean
    /// ventricular rate (bpm), the conventional qualifier of machine reports.
    public static let slowVentricularResponse = 60.0
    /// P axis range of a sinus P wave (degrees); outside it the atrial rhythm is ectopic.
    public static let sinusPAxis = -30.0...105.0
    /// Fraction of beats that must have a P wave for an atrial (sinus or ectopic) rhythm.
    public static let pWavePresence = 0.5
    /// Below ``pWavePresence`` but at least this fraction, with conducted (constant-PR) P waves and
    /// a regular rhythm, the atrial rhythm is stated as "possible": P waves are small and their
    /// detection misses some (project choice).
    public static let pWavePresencePossible = 0.25
    /// Largest standard deviation of the per-beat PR interval (ms) for P waves to count as
    /// conducted ("distinct repeating P waves", ESC 2020); fibrillatory waves give a random PR
    /// (project choice).
    public static let prConsistency = 40.0
    /// With an irregularly irregular RR, P waves found before fewer than this fraction of the
    /// beats are not the "distinct repeating P waves" of a sinus rhythm (ESC 2020): sinus
    /// arrhythmia changes the rate gradually and keeps a P wave before every conducted beat,
    /// while in atrial fibrillation some fibrillatory waves pass for P waves. Stated as possible
    /// atrial fibrillation (project choice).
    public static let pWavePresenceInIrregularRhythm = 0.8

    /// A ventricular-paced rhythm when more than this fraction of the beats follow a pacemaker
    /// spike (the majority rule of ``RecordDelineation/isVentricularPaced``).
    public static let pacedBeats = 0.5

    // MARK: Irregularity (project choice, ESC 2020 gives no number)
    /// Median absolute successive RR difference relative to the mean RR above which the rhythm is
    /// irregularly irregular (with absent P waves: atrial fibrillation).
    public static let irregularity = 0.09
    /// An irregular rhythm whose RR sequence repeats with a period of 2 or 3 beats (mean
    /// |RR(k) − RR(k−2)| or |RR(k) − RR(k−3)| relative to the mean RR) below this value is
    /// regularly irregular (bigeminal or trigeminal grouping), not irregularly irregular as
    /// atrial fibrillation must be (ESC 2020); the same limit as ``irregularity``.
    public static let patternResidual = irregularity
    /// Longest over shortest RR between consecutive dominant beats above which a sinus rhythm is
    /// named sinus arrhythmia: THEW's 35 % (stated there for an RR against the one before it),
    /// applied to the longest and shortest cycle of a 10-s strip. The textbook
    /// "P–P variation > 0.12 s" (or 0.16 s) is met by many ECGs cardiologists read as sinus
    /// rhythm: on PTB-XL and LUDB those reach a ratio of 1.34 (RR range 236 ms), while six of
    /// PTB-XL's ten sinus arrhythmia codes lie at 1.39–1.49 (two at 1.24, two with premature
    /// beats). The limit was chosen knowing those labels (README, interpretation).
    public static let sinusArrhythmiaRatio = 1.35
    /// The textbook RR range of sinus arrhythmia (ms): above it, a sinus rhythm's evidence
    /// shows how far the cycle length varied, so a reader can apply the textbook limit.
    public static let textbookSinusArrhythmiaRange = 160.0
    /// Atrial rate of flutter waves (bpm).
    public static let flutterAtrialRate = 240.0...350.0

    // MARK: Ectopy
    /// A ventricular beat is premature when its RR is below this fraction of the dominant RR
    /// (supraventricular beats are typed premature by the delineation, below 85 %).
    public static let prematurity = 0.9
    /// An atrial premature beat's RR is also below this fraction of the cycle just before it.
    public static let atrialPrematurity = 0.85

    // MARK: Conduction (AHA/ACCF/HRS 2009 part III)
    public static let firstDegreeAVBlockPR = 200.0
    /// PR up to this value (ms) is reported as borderline first-degree AV block: within the
    /// 10–20 ms by which automated P-onset detection can differ from a reader's; above it the
    /// block is definite, as in Minnesota code 6-3 (PR ≥ 0.22 s).
    public static let firstDegreeAVBlockBorderlinePR = 220.0
    public static let shortPR = 120.0
    public static let completeBlockQRS = 120.0
    public static let incompleteBlockQRS = 110.0
    /// Depth of an S wave that counts as a terminal S (mV).
    public static let terminalSDepth = 0.1
    /// A Q wave smaller than this is treated as absent (mV).
    public static let negligibleQ = 0.05
    /// LAFB axis range (degrees).
    public static let lafbAxis = -90.0 ... -45.0
    /// With the complete LAFB morphology (qR in aVL, rS in II, III and aVF) an axis in this range is
    /// reported as possible LAFB: net-area axes run less leftward than the amplitude-based axis
    /// readers use (project choice).
    public static let lafbPossibleAxis = -45.0 ... -30.0
    /// LPFB axis range (degrees).
    public static let lpfbAxis = 90.0...180.0

    // MARK: Axis (AHA/ACCF/HRS 2009 part III)
    public static let leftAxisDeviation = -90.0 ... -30.0
    public static let rightAxisDeviation = 90.0...180.0

    // MARK: Voltage (Sokolow–Lyon 1949; Casale 1985; AHA/ACCF/HRS 2009 part V)
    public static let sokolowLyon = 3.5
    /// Below this age (years), Sokolow–Lyon voltage under ``minimalSokolowLyon`` without Cornell
    /// voltage is borderline LVH: precordial voltage falls with age, and under 35 it often
    /// exceeds 3.5 mV in healthy hearts (project choice of the band, after part V's call to
    /// adjust voltage criteria for age and machine reports' "may be normal variant").
    public static let voltageCriteriaAge = 35.0
    /// Sokolow–Lyon voltage (mV) up to which a young adult's LVH by voltage alone is "minimal".
    public static let minimalSokolowLyon = 4.5
    public static let cornellMale = 2.8
    public static let cornellFemale = 2.0
    public static let lowVoltageLimb = 0.5
    public static let lowVoltagePrecordial = 1.0

    // MARK: Repolarization (AHA/ACCF/HRS 2009 part IV; fourth universal definition of MI)
    public static let qtcMale = 450.0
    public static let qtcFemale = 460.0
    /// How far a QT measurement may lie from the truth: the CSE referees' tolerance for the end
    /// of T (s_CSE = 30.6 ms; Willems et al., Eur Heart J 1985;6:815). Above 100 bpm, where
    /// Bazett over-corrects, a Fridericia QTc further than this below the limit leaves no QT
    /// statement; within it the statement is borderline.
    public static let qtMeasurementTolerance = 30.6
    public static let stElevation = 0.1
    public static let stElevationV2V3Male40 = 0.2
    public static let stElevationV2V3MaleYoung = 0.25
    public static let stElevationV2V3Female = 0.15
    public static let stDepression = -0.05
    public static let tInversion = -0.1
}
