/// How a beat relates to the record's dominant rhythm.
///
/// Interpretation tells premature ventricular complexes (different, usually wide QRS) from
/// premature atrial/supraventricular complexes (early, but with the dominant QRS morphology).
public enum BeatType: String, Sendable, Equatable, CaseIterable {
    /// The record's dominant morphology at the expected time.
    case dominant
    /// Early (short preceding RR) with the dominant QRS morphology: PAC/PJC candidate.
    case supraventricularPremature
    /// QRS morphology different from the dominant one and wide (or clearly different):
    /// PVC candidate when early, escape/ventricular beat otherwise.
    case ventricular
    /// Different morphology but not wide: aberration, artefact or intermittent conduction change.
    case otherMorphology

    /// Whether the beat is not of the dominant type.
    public var isEctopic: Bool { self != .dominant }
}

/// A beat's classification with the evidence behind it.
public struct BeatClassification: Sendable, Equatable {
    public var type: BeatType
    /// Correlation of the beat's QRS with the dominant template (−1…1).
    public var templateCorrelation: Double
    /// Preceding RR divided by the dominant RR (median of dominant beats); `nil` for the first beat.
    public var prematurity: Double?

    public init(type: BeatType, templateCorrelation: Double, prematurity: Double?) {
        self.type = type
        self.templateCorrelation = templateCorrelation
        self.prematurity = prematurity
    }
}
