import ECGModel

/// Interference added to the clean signal. All amplitudes in millivolts.
///
/// Noise is added to the independent channels (I, II, V1–V6) and the other limb leads are
/// derived afterwards, so Einthoven's law still holds exactly in a noisy record, as it does
/// in a real recorder that derives III, aVR, aVL and aVF.
public struct NoiseOptions: Sendable, Equatable {
    /// RMS of white Gaussian noise.
    public var gaussianRMS: Double
    /// RMS of EMG-like (high-pass, first-differenced white) noise.
    public var muscleRMS: Double
    /// Peak amplitude of sinusoidal baseline wander (respiration).
    public var baselineWanderAmplitude: Double
    /// Frequency of the baseline wander in hertz (0.05–0.5).
    public var baselineWanderFrequency: Double
    /// Peak amplitude of powerline interference.
    public var powerlineAmplitude: Double
    /// Mains frequency in hertz (50 or 60).
    public var powerlineFrequency: Double

    public init(gaussianRMS: Double = 0, muscleRMS: Double = 0, baselineWanderAmplitude: Double = 0,
                baselineWanderFrequency: Double = 0.3, powerlineAmplitude: Double = 0,
                powerlineFrequency: Double = 50) {
        self.gaussianRMS = gaussianRMS
        self.muscleRMS = muscleRMS
        self.baselineWanderAmplitude = baselineWanderAmplitude
        self.baselineWanderFrequency = baselineWanderFrequency
        self.powerlineAmplitude = powerlineAmplitude
        self.powerlineFrequency = powerlineFrequency
    }

    /// No interference at all: the baseline is exactly zero between waves.
    public static let none = NoiseOptions()

    /// Whether any interference is configured.
    public var isSilent: Bool {
        gaussianRMS == 0 && muscleRMS == 0 && baselineWanderAmplitude == 0 && powerlineAmplitude == 0
    }
}

/// A recording fault applied to the finished leads (the truth still describes the heart).
public enum LeadFault: Sendable, Equatable, CustomStringConvertible {
    /// The lead reads exactly zero (electrode off with a zeroing amplifier).
    case flat(Lead)
    /// The lead is missing: every sample is `NaN`.
    case missing(Lead)
    /// The lead's polarity is inverted.
    case inverted(Lead)
    /// Left and right arm electrodes swapped: I → −I, II ↔ III, aVR ↔ aVL, aVF unchanged.
    case armElectrodeReversal
    /// Every lead is clipped to ±`limit` mV (amplifier saturation).
    case saturation(limit: Double)

    public var description: String {
        switch self {
        case .flat(let lead): "flat \(lead.name)"
        case .missing(let lead): "missing \(lead.name)"
        case .inverted(let lead): "inverted \(lead.name)"
        case .armElectrodeReversal: "LA/RA reversal"
        case .saturation(let limit): "saturation at ±\(limit) mV"
        }
    }
}
