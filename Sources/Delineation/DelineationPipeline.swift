import ECGModel
import SignalProcessing
import Detection
import Synchronization
import Foundation

/// The whole delineation stage on a raw record: conditioning filters, QRS detection, delineation.
public struct DelineationPipeline: Sendable {
    public var delineator: Delineator
    public var detector: QRSDetector
    /// Low-pass corner for the signal the waves are delineated on (Hz). 40 Hz keeps QRS slopes
    /// sharp enough for its boundaries while muscle noise stays out of the P and T searches.
    public var lowPassCutoff: Double
    /// Mains frequency to notch out (only needed with a low-pass above it).
    public var powerline: PowerlineFrequency?

    private let filters = FilterCache()

    public init(delineator: Delineator = Delineator(), detector: QRSDetector = QRSDetector(),
                lowPassCutoff: Double = 40, powerline: PowerlineFrequency? = nil) {
        self.delineator = delineator
        self.detector = detector
        self.lowPassCutoff = lowPassCutoff
        self.powerline = powerline
    }

    /// The conditioning filter: 0.5 Hz baseline removal and the low-pass. A mains notch is added
    /// only when ``powerline`` is set: the 40 Hz low-pass already removes 50/60 Hz, which saves
    /// detecting the mains frequency in every lead of every record.
    func filter(samplingFrequency fs: Double) throws -> ConditioningFilter {
        try filters.filter(samplingFrequency: fs, lowPass: lowPassCutoff, powerline: powerline)
    }

    /// What the stage produced for one record.
    public struct Output: Sendable {
        /// The record's ECG leads after conditioning (what was delineated).
        public var filtered: ECGRecord
        /// The detector's beat fiducials (0-based samples).
        public var fiducials: [Int]
        /// Pacemaker spikes found (and blanked before filtering), 0-based samples.
        public var pacingSpikes: [Int]
        public var delineation: RecordDelineation
        /// Thread CPU seconds spent filtering, detecting and delineating.
        public var filterSeconds: Double
        public var detectSeconds: Double
        public var delineateSeconds: Double
    }

    /// Filters, detects and delineates the ECG (mV) leads of `record`.
    public func run(_ record: ECGRecord) throws -> Output {
        var ecg = record
        let mv = record.leads.filter { $0.isMillivolts }
        if !mv.isEmpty { ecg.leads = mv }
        guard !ecg.leads.isEmpty else {
            throw DelineationError(record: record.id, reason: "the record has no signals")
        }
        let t0 = ThreadCPUClock.now()
        let fs = ecg.samplingFrequency.hertz
        let filter = try self.filter(samplingFrequency: fs)
        let spikes = PacingSpikes.detect(ecg.leads.map(\.samples), samplingFrequency: fs)
        var filtered = ecg
        for index in filtered.leads.indices {
            let raw = filtered.leads[index].samples
            let finite = SignalSanitizer.allFinite(raw)
            let clean = PacingSpikes.blanked(finite ? raw : SignalSanitizer.holdingInvalidSamples(raw), spikes: spikes,
                                             samplingFrequency: fs)
            var out = try filter.apply(clean)
            if !finite {
                for i in raw.indices where !raw[i].isFinite { out[i] = .nan }
            }
            filtered.leads[index].samples = out
        }
        let t1 = ThreadCPUClock.now()
        // The conditioning low-pass leaves nothing above its stop edge: the detector may
        // subsample the leads before its band-pass.
        let bandLimit = lowPassCutoff * 1.2 < fs / 2 ? lowPassCutoff * 1.2 : nil
        let beats = try detector.detect(filtered, bandLimit: bandLimit).samples
        let t2 = ThreadCPUClock.now()
        var delineation = delineator.delineate(filtered, fiducials: beats, pacingSpikes: spikes)
        delineation.assignPacingSpikes(spikes)
        let t3 = ThreadCPUClock.now()
        return Output(filtered: filtered, fiducials: beats, pacingSpikes: spikes, delineation: delineation,
                      filterSeconds: t1 - t0, detectSeconds: t2 - t1, delineateSeconds: t3 - t2)
    }
}

/// Delineation could not run on a record.
public struct DelineationError: Error, CustomStringConvertible {
    public let record: String
    public let reason: String
    public var description: String { "delineation of \(record): \(reason)" }
}

/// Conditioning filters per sampling frequency, built once per pipeline (building one samples
/// the frequency response and finds its impulse-response support, which costs milliseconds).
final class FilterCache: Sendable {
    private let filters = Mutex<[Double: ConditioningFilter]>([:])

    func filter(samplingFrequency fs: Double, lowPass: Double, powerline: PowerlineFrequency?) throws -> ConditioningFilter {
        if let f = filters.withLock({ $0[fs] }) { return f }
        var response = ECGFilters.baselineWander()
        if let mains = powerline?.rawValue, mains + 7 < fs / 2 {
            response = response * .powerline(mains, nyquist: fs / 2)
        }
        if lowPass * 1.2 < fs / 2 { response = response * ECGFilters.lowPass(cutoff: lowPass) }
        // 1e-7 of the impulse response's energy outside the block margin is far below float
        // samples' own rounding (and 1/1000 of a µV on a 1 mV wave), while the default 1e-10
        // triples the low-pass's FFT length. The baseline high-pass runs at a reduced rate.
        let f = try ConditioningFilter(response: response, samplingFrequency: fs, tailTolerance: 1e-7)
        filters.withLock { $0[fs] = f }
        return f
    }
}

/// CPU time consumed by the calling thread (what a one-core benchmark should count).
public enum ThreadCPUClock {
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
