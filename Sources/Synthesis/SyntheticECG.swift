import ECGModel

/// The configuration of one synthetic 12-lead ECG with known truth.
///
/// A value type: set the fields, then call ``generate()``. The same configuration (including
/// ``seed``) always gives bit-identical samples. Intervals are realised to the nearest sample;
/// the truth reports the realised values.
public struct SyntheticECG: Sendable, Equatable {
    /// Record name (WFDB record name, truth file stem).
    public var name: String
    /// One line describing the record for tables and headers.
    public var summary: String
    /// Any rate from 50 Hz up (250, 360, 400, 500, 1000…); every interval is realised in
    /// whole samples of this rate.
    public var samplingFrequency: SamplingFrequency
    /// Record length; only beats whose waves fit entirely inside it are generated.
    public var duration: Milliseconds
    /// Mean ventricular rate in beats per minute (ignored for atrial flutter and when
    /// ``rrIntervals`` is given).
    public var heartRate: Double
    /// Explicit cycle lengths, used in turn (and repeated) from the second beat on.
    public var rrIntervals: [Milliseconds]?
    /// Relative RR jitter: each cycle is RR × (1 + v·u), u uniform in [−1, 1). `nil` means the
    /// rhythm's default (0 for sinus and paced, 0.3 for atrial fibrillation).
    public var rrVariability: Double?
    /// The pacemaker: sinus, atrial fibrillation, atrial flutter or ventricular pacing.
    public var rhythm: Rhythm
    /// P onset to QRS onset.
    public var prInterval: Milliseconds
    /// P onset to P offset.
    public var pDuration: Milliseconds
    /// QRS onset to QRS offset.
    public var qrsDuration: Milliseconds
    /// QRS onset to T offset.
    public var qtInterval: Milliseconds
    /// QRS shape of conducted beats (normal, RBBB-like, LBBB-like).
    public var conduction: VentricularConduction
    /// Frontal net-area axes in degrees (hexaxial: 0° = lead I, +90° = aVF).
    /// P axis (sinus and its conducted beats).
    public var pAxis: Double
    /// QRS axis of the dominant beat.
    public var qrsAxis: Double
    /// T axis of the dominant beat.
    public var tAxis: Double
    /// Dipole magnitudes of P, R, S, septal q and T.
    public var amplitudes: WaveAmplitudes
    /// Premature beats by beat index (index 0 is not allowed: it has no preceding beat).
    public var ectopicBeats: [EctopicBeat]
    /// Shape of the PVCs and PACs.
    public var ectopicMorphology: EctopicMorphology
    /// Interference; ``NoiseOptions/none`` leaves the baseline exactly zero between waves.
    public var noise: NoiseOptions
    /// Recording faults applied in order after generation.
    public var leadFaults: [LeadFault]
    /// Seed of every random choice (RR jitter, f-waves, noise).
    public var seed: UInt64

    public init(name: String = "synthetic", summary: String = "",
                samplingFrequency: SamplingFrequency = SamplingFrequency(hertz: 500),
                duration: Milliseconds = Milliseconds(10_000), heartRate: Double = 72,
                rrIntervals: [Milliseconds]? = nil, rrVariability: Double? = nil,
                rhythm: Rhythm = .sinus, prInterval: Milliseconds = Milliseconds(160),
                pDuration: Milliseconds = Milliseconds(100),
                qrsDuration: Milliseconds = Milliseconds(90),
                qtInterval: Milliseconds = Milliseconds(380),
                conduction: VentricularConduction = .normal,
                pAxis: Double = 60, qrsAxis: Double = 60, tAxis: Double = 45,
                amplitudes: WaveAmplitudes = WaveAmplitudes(), ectopicBeats: [EctopicBeat] = [],
                ectopicMorphology: EctopicMorphology = EctopicMorphology(),
                noise: NoiseOptions = .none, leadFaults: [LeadFault] = [], seed: UInt64 = 1) {
        self.name = name
        self.summary = summary
        self.samplingFrequency = samplingFrequency
        self.duration = duration
        self.heartRate = heartRate
        self.rrIntervals = rrIntervals
        self.rrVariability = rrVariability
        self.rhythm = rhythm
        self.prInterval = prInterval
        self.pDuration = pDuration
        self.qrsDuration = qrsDuration
        self.qtInterval = qtInterval
        self.conduction = conduction
        self.pAxis = pAxis
        self.qrsAxis = qrsAxis
        self.tAxis = tAxis
        self.amplitudes = amplitudes
        self.ectopicBeats = ectopicBeats
        self.ectopicMorphology = ectopicMorphology
        self.noise = noise
        self.leadFaults = leadFaults
        self.seed = seed
    }
}
