import ECGModel
import SignalProcessing

/// Decides which leads global measurements may use: the per-lead quality index from the samples
/// (missing, flat, saturated leads), then, once beats are known, whether each lead repeats the
/// same beat (``BeatConsistency``: a lead of noise does not).
///
/// Excluded leads are blanked (set to `NaN`) before delineation, so they take no part in the
/// multi-lead QRS onset and offset, the median beat's fiducials, the axes or the voltage
/// criteria; their own amplitudes are reported as not measurable.
public struct LeadScreening: Sendable {
    public var assessor: SignalQualityAssessor
    public var consistency: BeatConsistency

    public init(assessor: SignalQualityAssessor = SignalQualityAssessor(),
                consistency: BeatConsistency = BeatConsistency()) {
        self.assessor = assessor
        self.consistency = consistency
    }

    /// The quality of every lead of `record` from its samples alone.
    public func assess(_ record: ECGRecord) -> [LeadQuality] { assessor.assess(record) }

    /// `qualities` with the beat-consistency verdict of each still usable lead, judged on
    /// `filtered` (the conditioned leads, same order) at the dominant beats' fiducials.
    public func addBeatConsistency(_ qualities: [LeadQuality], filtered: ECGRecord, beats: [Int]) -> [LeadQuality] {
        zip(qualities, filtered.leads).map { quality, lead in
            consistency.assess(quality, samples: lead.samples, beats: beats,
                               samplingFrequency: filtered.samplingFrequency.hertz)
        }
    }

    /// `record` with the leads `qualities` marks unusable set to `NaN`; unchanged when that
    /// would leave no usable lead (the measurements then show what there is, and the quality
    /// statements say the recording is poor).
    public static func masking(_ record: ECGRecord, _ qualities: [LeadQuality]) -> ECGRecord {
        let excluded = qualities.indices.filter { !qualities[$0].isUsable && $0 < record.leads.count }
        guard !excluded.isEmpty, excluded.count < record.leads.count else { return record }
        var masked = record
        for l in excluded {
            masked.leads[l].samples = [Float](repeating: .nan, count: record.leads[l].samples.count)
        }
        return masked
    }
}
