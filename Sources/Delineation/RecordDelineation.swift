import ECGModel

/// One delineated beat: where it is, what type it is, its waves in every lead and globally.
public struct DelineatedBeat: Sendable, Equatable {
    /// The QRS fiducial the detector gave (0-based sample).
    public var fiducial: Int
    public var classification: BeatClassification
    /// Global (multi-lead) fiducials.
    public var global: GlobalBeat
    /// Per-lead delineation, in the record's lead order.
    public var leads: [LeadBeat]
    /// A pacemaker spike within 80 ms before this beat's QRS onset (ventricular pacing).
    public var pacingSpike: Int?

    public var type: BeatType { classification.type }
}

/// The representative (median) beat of the dominant beat type, and its delineation.
///
/// Interval and amplitude measurements come from this beat, so that ectopic beats and
/// beat-to-beat noise do not distort them.
public struct RepresentativeBeat: Sendable, Equatable {
    /// Sample-by-sample median of the dominant beats, per lead (record lead order), in mV.
    public var samples: [[Float]]
    /// The alignment sample within ``samples``.
    public var center: Int
    /// Global fiducials, as indices into ``samples``.
    public var global: GlobalBeat
    /// Per-lead delineation, as indices into ``samples``.
    public var leads: [LeadBeat]
    /// Isoelectric level per lead (PR segment), in mV.
    public var baseline: [Float]
    /// How many beats the median was taken over.
    public var beatCount: Int
}

/// The delineation of a whole record.
public struct RecordDelineation: Sendable, Equatable {
    public var samplingFrequency: SamplingFrequency
    /// Lead identities and labels, in the order of the input signals.
    public var leads: [Lead]
    public var labels: [String]
    public var beats: [DelineatedBeat]
    /// The dominant type's median beat; `nil` when no beat could be averaged.
    public var representative: RepresentativeBeat?
    /// Median RR interval between consecutive dominant beats, in samples.
    public var dominantRR: Double?
    /// The TP segment of the median beat carries P-sized deflections (flutter-like continuous
    /// atrial activity); P waves are then not reported.
    public var continuousAtrialActivity = false
}

extension RecordDelineation {
    /// Links each beat to a pacemaker spike in the 80 ms before its QRS onset.
    public mutating func assignPacingSpikes(_ spikes: [Int]) {
        guard !spikes.isEmpty else { return }
        let window = samplingFrequency.samples(in: Milliseconds(80))
        for k in beats.indices {
            let onset = beats[k].global.qrsOnset
            beats[k].pacingSpike = spikes.last { $0 <= onset + window / 8 && $0 >= onset - window }
        }
    }

    /// Whether most beats are ventricular paced.
    public var isVentricularPaced: Bool {
        !beats.isEmpty && beats.filter { $0.pacingSpike != nil }.count * 2 > beats.count
    }
}
