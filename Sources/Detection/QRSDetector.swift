import ECGModel
import SignalProcessing

/// Finds QRS complexes in single-lead Holter records and multi-lead resting ECGs alike.
///
/// Every lead is band-passed to the QRS band (zero-phase FFT filter), differentiated, squared
/// and integrated over about a QRS duration. Each lead's energy is divided by a running robust
/// estimate of its typical beat energy, capped, and the leads are averaged with weights that
/// fall for leads that are flat or whose energy is not beat-shaped (noise), so a noisy or
/// missing lead can neither create nor hide a beat. Beats are then picked on the combined
/// function with Pan–Tompkins-style adaptive signal/noise levels, a refractory period,
/// T-wave rejection by energy, and search-back for beats missed during long RR gaps.
/// The fiducial of each beat is the peak of the combined absolute band-passed amplitude.
public struct QRSDetector: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Detects beats using every ECG lead of `record` (signals in mV; others are ignored
    /// unless the record has no ECG lead).
    public func detect(_ record: ECGRecord) throws -> QRSDetections {
        let ecg = record.leads.filter { $0.units.lowercased() == "mv" }
        let chosen = ecg.isEmpty ? record.leads : ecg
        guard !chosen.isEmpty else {
            throw QRSDetectionError(record: record.id, reason: "the record has no signals")
        }
        guard record.samplingFrequency.hertz >= 50 else {
            throw QRSDetectionError(record: record.id,
                                    reason: "sampling frequency \(record.samplingFrequency) is below 50 Hz")
        }
        let samples = try detect(leads: chosen.map(\.samples), samplingFrequency: record.samplingFrequency.hertz)
        return QRSDetections(samplingFrequency: record.samplingFrequency, samples: samples)
    }

    /// Detects beats in `leads` (each in mV, same sampling frequency; shorter leads are
    /// treated as flat past their end) and returns 0-based fiducial samples.
    public func detect(leads: [[Float]], samplingFrequency fs: Double) throws(FFTPlanningError) -> [Int] {
        let n = leads.map(\.count).max() ?? 0
        guard n > 0, fs > 0 else { return [] }
        let function = try DetectionFunction(leads: leads, length: n, samplingFrequency: fs,
                                             configuration: configuration)
        let peaks = BeatPicker(function: function, samplingFrequency: fs, configuration: configuration).pick()
        return function.fiducials(for: peaks, samplingFrequency: fs)
    }
}
