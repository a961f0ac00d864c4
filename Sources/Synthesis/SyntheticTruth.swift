import Foundation

/// The exact positions of one beat's waves, in samples from the start of the record.
///
/// Onsets and offsets are the first and last nonzero samples of each wave in the generator:
/// with noise off, the sample before an onset and the sample after an offset are exactly on
/// the baseline in every lead.
public struct BeatTruth: Codable, Sendable, Equatable {
    /// 0-based position of the beat in the record.
    public var index: Int
    public var type: BeatType
    /// Fiducial point: the QRS sample where the heart vector is largest.
    public var rPeak: Int
    public var pOnset: Int?
    /// Where the P wave's dipole is largest.
    public var pPeak: Int?
    public var pOffset: Int?
    public var qrsOnset: Int
    public var qrsOffset: Int
    public var tOnset: Int
    /// Where the T wave's dipole is largest.
    public var tPeak: Int
    public var tOffset: Int
    /// The pacing spike's sample (paced beats only).
    public var pacingSpike: Int?
    /// Interval from the previous beat's ``rPeak``, in milliseconds (`nil` for the first beat).
    public var rrPrevious: Double?
}

/// Amplitudes of the dominant beat in one lead, in millivolts, before noise and lead faults.
public struct LeadAmplitudeTruth: Codable, Sendable, Equatable {
    /// Most positive QRS sample (the R wave; 0 for a QS complex).
    public var qrsMaximum: Double
    /// Most negative QRS sample (the deeper of Q and S; 0 when there is neither).
    public var qrsMinimum: Double
    /// Value at the P wave's peak sample, when there is a P wave.
    public var pPeak: Double?
    /// Value at the T wave's peak sample.
    public var tPeak: Double
}

/// What the generator knows about a synthetic record, to compare every later stage against.
///
/// Global intervals describe the dominant beat (normal, or paced in a paced rhythm) as
/// realised in whole samples, so they may differ from the configuration by up to half a sample
/// period. Frontal axes are the angles of the net-area vector: with A_I and A_II the sums of
/// lead I and lead II over the wave, the axis is atan2((2·A_II − A_I)/√3, A_I), which is
/// atan2(A_aVF, A_I·√3/2); the generator builds each wave so this equals the configured axis.
public struct SyntheticTruth: Codable, Sendable, Equatable {
    public var record: String
    public var summary: String
    public var samplingFrequency: Double
    public var sampleCount: Int
    public var seed: UInt64
    public var rhythm: RhythmLabel
    public var conduction: VentricularConduction
    /// Ventricular rate from the mean of all RR intervals, in beats per minute.
    public var heartRate: Double
    /// Mean of all RR intervals (every beat type), in milliseconds.
    public var meanRR: Double
    /// Mean RR between consecutive dominant beats (NN), `nil` when no two are adjacent.
    public var dominantRR: Double?
    /// Flutter: atrial (F-wave) rate per minute and the conduction ratio.
    public var atrialRate: Double?
    public var conductionRatio: Int?
    public var prInterval: Double?
    public var pDuration: Double?
    public var qrsDuration: Double
    public var qtInterval: Double
    /// QT / √RR with RR in seconds (dominant RR, else mean RR), in milliseconds.
    public var qtcBazett: Double
    public var pAxis: Double?
    public var qrsAxis: Double
    public var tAxis: Double
    public var beats: [BeatTruth]
    /// Per-lead amplitudes of the dominant beat, keyed by lead name (`I` … `V6`).
    public var leadAmplitudes: [String: LeadAmplitudeTruth]
    /// Interference configured (zero everywhere for a clean record).
    public var noise: NoiseTruth
    /// Lead faults applied after generation (see ``LeadFault``).
    public var leadFaults: [String]

    /// The truth as JSON with sorted keys: byte-identical for identical truth.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Counts beats of one type.
    public func count(of type: BeatType) -> Int { beats.filter { $0.type == type }.count }
}

/// The interference of a record, as configured.
public struct NoiseTruth: Codable, Sendable, Equatable {
    public var gaussianRMS: Double
    public var muscleRMS: Double
    public var baselineWanderAmplitude: Double
    public var baselineWanderFrequency: Double
    public var powerlineAmplitude: Double
    public var powerlineFrequency: Double

    init(_ options: NoiseOptions) {
        gaussianRMS = options.gaussianRMS
        muscleRMS = options.muscleRMS
        baselineWanderAmplitude = options.baselineWanderAmplitude
        baselineWanderFrequency = options.baselineWanderFrequency
        powerlineAmplitude = options.powerlineAmplitude
        powerlineFrequency = options.powerlineFrequency
    }
}
