import ECGModel
import SignalProcessing

/// Finds QRS complexes in single-lead Holter records and multi-lead resting ECGs alike.
///
/// Pacing stimuli are cut out first. Every lead is then band-passed to the QRS band
/// (zero-phase FFT filter whose inverse transform also reduces the rate to ≥ 80 Hz),
/// differentiated, squared and integrated over about a QRS duration. Each lead's energy is
/// divided by a running robust estimate of its typical beat energy (median of 2-s window
/// peaks), capped and square-rooted, and the leads are averaged with weights that fall for
/// leads that are flat, dropped out, hit by an artifact, or whose energy is dense rather
/// than beat-shaped (noise), so a noisy or missing lead can neither create nor hide a beat. Beats are then picked on the combined
/// function with Pan–Tompkins-style adaptive signal/noise levels, a refractory period,
/// T-wave rejection by energy, a stricter threshold for candidates far earlier than the
/// rhythm predicts, and search-back for beats missed during long RR gaps.
/// The fiducial of each beat is the peak of the combined absolute band-passed amplitude.
public struct QRSDetector: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Detects beats using every ECG lead of `record` (signals in mV; others are ignored
    /// unless the record has no ECG lead).
    public func detect(_ record: ECGRecord) throws -> QRSDetections {
        try detect(record, bandLimit: nil)
    }

    /// Detects beats as ``detect(_:)`` does, in leads that may be band-limited.
    ///
    /// - Parameter bandLimit: when the leads are known to hold nothing above this frequency (Hz),
    ///   because they were low-passed upstream like the measurement pipeline's conditioned
    ///   leads, they are subsampled to the detector's working rate before its band-pass
    ///   rather than after it, which makes the band-pass's FFT several times shorter.
    public func detect(_ record: ECGRecord, bandLimit: Double?) throws -> QRSDetections {
        let ecg = record.leads.filter { $0.isMillivolts }
        let chosen = ecg.isEmpty ? record.leads : ecg
        guard !chosen.isEmpty else {
            throw QRSDetectionError(record: record.id, reason: "the record has no signals")
        }
        guard record.samplingFrequency.hertz >= 50 else {
            throw QRSDetectionError(record: record.id,
                                    reason: "sampling frequency \(record.samplingFrequency) is below 50 Hz")
        }
        let samples = try detect(leads: chosen.map(\.samples), samplingFrequency: record.samplingFrequency.hertz,
                                 bandLimit: bandLimit)
        return QRSDetections(samplingFrequency: record.samplingFrequency, samples: samples)
    }

    /// Plans the FFTs and builds the band-pass for `samplingFrequency` ahead of time, so that
    /// the first detection at that rate is not slowed (or its timing inflated) by planning.
    public func prepare(samplingFrequency fs: Double) throws(FFTPlanningError) {
        _ = try detect(leads: [[Float](repeating: 0, count: max(1, Int(fs)))], samplingFrequency: fs)
    }

    /// Detects beats in `leads` (each in mV, same sampling frequency; shorter leads are
    /// treated as flat past their end) and returns 0-based fiducial samples.
    public func detect(leads: [[Float]], samplingFrequency fs: Double) throws(FFTPlanningError) -> [Int] {
        try detect(leads: leads, samplingFrequency: fs, bandLimit: nil)
    }

    /// Detects beats as ``detect(leads:samplingFrequency:)`` does, in leads that hold nothing
    /// above `bandLimit` Hz when it is given (see ``detect(_:bandLimit:)``).
    public func detect(leads: [[Float]], samplingFrequency fs: Double,
                       bandLimit: Double?) throws(FFTPlanningError) -> [Int] {
        let n = leads.map(\.count).max() ?? 0
        guard n > 0, fs > 0 else { return [] }
        let step = bandLimit.map { DetectionFunction.decimation(samplingFrequency: fs, configuration: configuration,
                                                                bandLimit: $0) } ?? 1
        let input = step == 1 ? leads : leads.map { lead in
            lead.withUnsafeBufferPointer { x in (0..<((x.count + step - 1) / step)).map { x[$0 * step] } }
        }
        let function = try DetectionFunction(leads: input, length: (n + step - 1) / step,
                                             samplingFrequency: fs / Double(step), configuration: configuration)
        let peaks = BeatPicker(function: function, samplingFrequency: function.rate, configuration: configuration).pick()
        return function.fiducials(for: peaks, inputLength: n, inputStep: step)
    }
}
