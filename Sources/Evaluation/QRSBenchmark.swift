import Foundation
import ECGModel
import WFDB
import Detection

/// Times the QRS detector on real records, with and without reading the files.
public struct QRSBenchmark: Sendable {
    /// Timings for one group of records, in thread CPU milliseconds per record.
    public struct Result: Sendable, Codable, Equatable {
        public var label: String
        public var records: Int
        public var repetitions: Int
        /// Mean samples per lead and leads per record, to say what "a record" is.
        public var samplesPerLead: Int
        public var leads: Int
        public var samplingFrequency: Double
        public var detectMillisecondsPerRecord: Double
        public var readAndDetectMillisecondsPerRecord: Double
    }

    public var detector: QRSDetector
    public var repetitions: Int

    public init(detector: QRSDetector = QRSDetector(), repetitions: Int = 5) {
        self.detector = detector
        self.repetitions = max(1, repetitions)
    }

    /// Times `records` (paths without extension). One untimed pass first plans FFTW and warms
    /// the page cache; each timed pass then reads and detects every record.
    public func run(label: String, records: [URL]) throws -> Result {
        guard !records.isEmpty else { throw EvaluationError(path: label, message: "no records to time") }
        var loaded: [ECGRecord] = []
        for url in records {
            let record = try ECGRecord.readWFDB(at: url)
            _ = try detector.detect(record)
            loaded.append(record)
        }
        var detectTime = 0.0, totalTime = 0.0
        for _ in 0..<repetitions {
            for record in loaded {
                let (_, t) = try CPUClock.measure { () throws -> QRSDetections in try detector.detect(record) }
                detectTime += t
            }
            for url in records {
                let (_, t) = try CPUClock.measure { () throws -> QRSDetections in
                    try detector.detect(try ECGRecord.readWFDB(at: url))
                }
                totalTime += t
            }
        }
        let runs = Double(repetitions * records.count)
        return Result(label: label, records: records.count, repetitions: repetitions,
                      samplesPerLead: loaded.reduce(0) { $0 + $1.sampleCount } / loaded.count,
                      leads: loaded.reduce(0) { $0 + $1.leads.count } / loaded.count,
                      samplingFrequency: loaded[0].samplingFrequency.hertz,
                      detectMillisecondsPerRecord: detectTime / runs * 1000,
                      readAndDetectMillisecondsPerRecord: totalTime / runs * 1000)
    }
}
