import Foundation
import ECGModel
import WFDB
import Detection

/// One record's beat-by-beat score.
public struct QRSRecordScore: Sendable, Codable, Equatable {
    public var record: String
    public var referenceBeats: Int
    public var detections: Int
    public var truePositives: Int
    public var falseNegatives: Int
    public var falsePositives: Int
    /// Sensitivity, positive predictivity and F1 in percent (`nil` when undefined).
    public var sensitivity: Double?
    public var positivePredictivity: Double?
    public var f1: Double?
    /// Thread CPU seconds the detector took (reading excluded).
    public var cpuSeconds: Double

    public init(record: String, match: BeatMatch, referenceBeats: Int, detections: Int, cpuSeconds: Double) {
        self.record = record
        self.referenceBeats = referenceBeats
        self.detections = detections
        truePositives = match.truePositives
        falseNegatives = match.falseNegatives
        falsePositives = match.falsePositives
        sensitivity = match.sensitivity.map { $0 * 100 }
        positivePredictivity = match.positivePredictivity.map { $0 * 100 }
        f1 = match.f1.map { $0 * 100 }
        self.cpuSeconds = cpuSeconds
    }

    var match: BeatMatch {
        BeatMatch(truePositives: truePositives, falseNegatives: falseNegatives, falsePositives: falsePositives)
    }
}

/// Scores over a database: per record and gross (beats pooled over records).
public struct QRSEvaluationReport: Sendable, Codable, Equatable {
    public var database: String
    /// Matching window half-width.
    public var toleranceMilliseconds: Double
    public var records: [QRSRecordScore]
    public var gross: QRSRecordScore

    public init(database: String, toleranceMilliseconds: Double, records: [QRSRecordScore]) {
        self.database = database
        self.toleranceMilliseconds = toleranceMilliseconds
        self.records = records
        let pooled = records.reduce(BeatMatch(truePositives: 0, falseNegatives: 0, falsePositives: 0)) { $0 + $1.match }
        gross = QRSRecordScore(record: "gross", match: pooled,
                               referenceBeats: records.reduce(0) { $0 + $1.referenceBeats },
                               detections: records.reduce(0) { $0 + $1.detections },
                               cpuSeconds: records.reduce(0) { $0 + $1.cpuSeconds })
    }

    /// A fixed-width table: one line per record and a gross line.
    public func table() -> String {
        func pct(_ v: Double?) -> String { v.map { String(format: "%7.2f", $0) } ?? "      -" }
        func line(_ s: QRSRecordScore) -> String {
            let name = s.record.padding(toLength: 8, withPad: " ", startingAt: 0)
            return name + String(format: "%7d %7d %6d %6d", s.referenceBeats, s.truePositives,
                                 s.falseNegatives, s.falsePositives)
                + " " + pct(s.sensitivity) + " " + pct(s.positivePredictivity) + " " + pct(s.f1)
                + String(format: " %8.4f", s.cpuSeconds)
        }
        var out = "Record     Beats      TP     FN     FP   Se(%)  +P(%)   F1(%)    CPU(s)\n"
        for r in records { out += line(r) + "\n" }
        out += line(gross) + "\n"
        out += String(format: "Matching window ±%.0f ms; %d records.\n", toleranceMilliseconds, records.count)
        return out
    }
}

/// Runs the QRS detector over a WFDB database and scores it against the reference beats.
public struct QRSEvaluator: Sendable {
    public var detector: QRSDetector
    public var tolerance: Milliseconds
    /// Reference annotator (file extension).
    public var annotator: String

    public init(detector: QRSDetector = QRSDetector(), tolerance: Milliseconds = Milliseconds(150),
                annotator: String = "atr") {
        self.detector = detector
        self.tolerance = tolerance
        self.annotator = annotator
    }

    /// Records named in `directory/RECORDS`, or else every record with a header and a
    /// reference annotation file, sorted.
    public func recordNames(in directory: URL) throws -> [String] {
        let list = directory.appendingPathComponent("RECORDS")
        if FileManager.default.fileExists(atPath: list.path) {
            let text: String
            do { text = try String(contentsOf: list, encoding: .utf8) } catch {
                throw EvaluationError(path: list.path, message: "cannot read the record list: \(error.localizedDescription)")
            }
            return text.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        let files: [String]
        do { files = try FileManager.default.contentsOfDirectory(atPath: directory.path) } catch {
            throw EvaluationError(path: directory.path, message: "cannot list the database folder")
        }
        let names = Set(files.filter { $0.hasSuffix(".hea") }.map { String($0.dropLast(4)) })
        return names.filter { files.contains("\($0).\(annotator)") }.sorted()
    }

    /// Scores one record (`base` = the record's path without extension).
    public func evaluate(record base: URL) throws -> QRSRecordScore {
        let record = try ECGRecord.readWFDB(at: base)
        let annotations = try WFDBAnnotationFile.read(from: base.appendingPathExtension(annotator))
        let reference = BeatAnnotations.beatSamples(annotations)
        try detector.prepare(samplingFrequency: record.samplingFrequency.hertz)
        let (detections, cpu) = try CPUClock.measure { () throws -> QRSDetections in try detector.detect(record) }
        let window = record.samplingFrequency.samples(in: tolerance)
        let match = BeatMatch(reference: reference, detections: detections.samples, tolerance: window)
        return QRSRecordScore(record: base.lastPathComponent, match: match, referenceBeats: reference.count,
                              detections: detections.samples.count, cpuSeconds: cpu)
    }

    /// Scores every record of `directory`.
    public func evaluate(database directory: URL) throws -> QRSEvaluationReport {
        let names = try recordNames(in: directory)
        guard !names.isEmpty else {
            throw EvaluationError(path: directory.path, message: "no records (no RECORDS file and no .hea with .\(annotator))")
        }
        let scores = try names.map { try evaluate(record: directory.appendingPathComponent($0)) }
        return QRSEvaluationReport(database: directory.lastPathComponent,
                                   toleranceMilliseconds: tolerance.value, records: scores)
    }
}

/// A database or record could not be evaluated.
public struct EvaluationError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}
