import Foundation
import ECGModel
import WFDB
import Datasets
import Detection

/// Detects beats in one record file and writes them as `<record>.qrs` and `<record>.json`.
public struct QRSDetectionRun: Sendable {
    /// The JSON written beside the annotation file.
    public struct Output: Sendable, Codable, Equatable {
        public var record: String
        public var fs: Double
        /// 0-based sample index of each beat.
        public var qrs: [Int]
        /// Thread CPU seconds of detection (reading excluded).
        public var cpu_s: Double
    }

    public var detector: QRSDetector

    public init(detector: QRSDetector = QRSDetector()) { self.detector = detector }

    /// The record's name for output files: the study id for MIMIC-style trees, else the record name.
    public static func outputName(for record: ECGRecord) -> String {
        record.metadata.studyID ?? record.id
    }

    /// Reads `recordPath` (with or without `.hea`), detects, writes both files into
    /// `directory`, and returns what was written.
    @discardableResult
    public func run(recordPath: URL, outputDirectory directory: URL) throws -> Output {
        try run(record: ECGRecord.readWFDB(at: recordPath), outputDirectory: directory)
    }

    /// Reads a dataset entry (WFDB or HDF5), detects, and writes both files into `directory`.
    @discardableResult
    public func run(entry: DatasetEntry, outputDirectory directory: URL, limits: ReadLimits = .default) throws -> Output {
        try run(record: entry.readRecord(limits: limits), outputDirectory: directory)
    }

    /// Detects beats in `record` and writes both files into `directory`.
    @discardableResult
    public func run(record: ECGRecord, outputDirectory directory: URL) throws -> Output {
        try detector.prepare(samplingFrequency: record.samplingFrequency.hertz)
        let (detections, cpu) = try CPUClock.measure { () throws -> QRSDetections in try detector.detect(record) }
        let name = Self.outputName(for: record)
        let output = Output(record: name, fs: record.samplingFrequency.hertz, qrs: detections.samples, cpu_s: cpu)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw EvaluationError(path: directory.path, message: "cannot create the output folder")
        }
        let annotations = detections.samples.map {
            WFDBAnnotation(sample: Int64($0), code: WFDBAnnotationCode.normal)
        }
        try WFDBAnnotationFile.write(annotations, to: directory.appendingPathComponent("\(name).qrs"))
        let encoder = JSONEncoder()
        let jsonURL = directory.appendingPathComponent("\(name).json")
        do {
            try encoder.encode(output).write(to: jsonURL, options: .atomic)
        } catch {
            throw EvaluationError(path: jsonURL.path, message: "cannot write: \(error.localizedDescription)")
        }
        return output
    }
}
