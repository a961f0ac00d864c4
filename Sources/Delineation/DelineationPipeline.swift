import ECGModel
import SignalProcessing
import Detection

/// The whole delineation stage on a raw record: conditioning filters, QRS detection, delineation.
public struct DelineationPipeline: Sendable {
    public var delineator: Delineator
    public var detector: QRSDetector
    /// Low-pass corner for the signal the waves are delineated on (Hz). 40 Hz keeps QRS slopes
    /// sharp enough for its boundaries while muscle noise stays out of the P and T searches.
    public var lowPassCutoff: Double
    /// Mains frequency if known; detected per lead otherwise.
    public var powerline: PowerlineFrequency?

    public init(delineator: Delineator = Delineator(), detector: QRSDetector = QRSDetector(),
                lowPassCutoff: Double = 40, powerline: PowerlineFrequency? = nil) {
        self.delineator = delineator
        self.detector = detector
        self.lowPassCutoff = lowPassCutoff
        self.powerline = powerline
    }

    /// What the stage produced for one record.
    public struct Output: Sendable {
        /// The record's ECG leads after conditioning (what was delineated).
        public var filtered: ECGRecord
        /// The detector's beat fiducials (0-based samples).
        public var fiducials: [Int]
        public var delineation: RecordDelineation
    }

    /// Filters, detects and delineates the ECG (mV) leads of `record`.
    public func run(_ record: ECGRecord) throws -> Output {
        var ecg = record
        let mv = record.leads.filter { $0.units.lowercased() == "mv" }
        if !mv.isEmpty { ecg.leads = mv }
        guard !ecg.leads.isEmpty else {
            throw DelineationError(record: record.id, reason: "the record has no signals")
        }
        let filtered = try ECGFilters.conditioned(ecg, powerline: powerline, lowPassCutoff: lowPassCutoff)
        let beats = try detector.detect(filtered).samples
        let delineation = delineator.delineate(filtered, fiducials: beats)
        return Output(filtered: filtered, fiducials: beats, delineation: delineation)
    }
}

/// Delineation could not run on a record.
public struct DelineationError: Error, CustomStringConvertible {
    public let record: String
    public let reason: String
    public var description: String { "delineation of \(record): \(reason)" }
}
