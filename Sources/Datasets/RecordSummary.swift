import ECGModel
import Foundation
import HDF5Tracings
import WFDB

/// What a user checks first about a record: leads, frequency, duration, storage, scaling,
/// comments and whether the header's checksums match the samples.
///
/// Its JSON form (``encodedJSON()``) uses snake_case keys, with the sampling frequency, the
/// number of signals and the number of samples as JSON numbers.
public struct RecordSummary: Codable, Sendable, Equatable {
    /// One signal's storage and scaling.
    public struct Signal: Codable, Sendable, Equatable {
        public var name: String
        /// The standard lead it was recognised as (`aVR` for `AVR`), or the name again.
        public var lead: String
        /// Storage format (`16`, `212`, `float32`…).
        public var format: String
        /// ADC units per physical unit (WFDB), `nil` for sources storing physical values.
        public var gain: Double?
        public var baseline: Int?
        public var units: String
        public var samplesPerFrame: Int
        /// `true`/`false` when the header gives a checksum, `nil` when it does not.
        public var checksumOK: Bool?

        enum CodingKeys: String, CodingKey {
            case name, lead, format, gain, baseline, units
            case samplesPerFrame = "samples_per_frame"
            case checksumOK = "checksum_ok"
        }
    }

    public var record: String
    public var source: String
    /// `WFDB` or `HDF5`.
    public var container: String
    public var fs: Double
    public var nSig: Int
    public var sigLen: Int
    public var durationS: Double
    public var formats: [String]
    public var subjectID: String?
    public var studyID: String?
    /// ISO 8601 (UTC), in the source's own (possibly date-shifted) calendar.
    public var acquisitionTime: String?
    public var comments: [String]
    /// `verified`, `mismatch`, `not given` (no checksums in the header) or `not applicable`.
    public var checksum: String
    public var signals: [Signal]

    enum CodingKeys: String, CodingKey {
        case record, source, container, fs, formats, comments, checksum, signals
        case nSig = "n_sig"
        case sigLen = "sig_len"
        case durationS = "duration_s"
        case subjectID = "subject_id"
        case studyID = "study_id"
        case acquisitionTime = "acquisition_time"
    }

    /// Summarises the record an entry points at (reading its samples, to verify checksums).
    public init(entry: DatasetEntry, limits: ReadLimits = .default) throws {
        switch entry.location {
        case .wfdb(let header):
            let wfdb = try WFDBRecord.read(from: header, limits: limits)
            var metadata = wfdb.metadata
            if metadata.subjectID == nil, let id = entry.subjectID { metadata.subjectID = String(id) }
            if metadata.studyID == nil, let id = entry.studyID { metadata.studyID = String(id) }
            let mismatched = Set(wfdb.checksumMismatches)
            let signals = wfdb.signals.enumerated().map { index, spec in
                Signal(name: spec.description, lead: Lead(label: spec.description).name,
                       format: spec.samplesPerFrame > 1 ? "\(spec.format)x\(spec.samplesPerFrame)" : String(spec.format),
                       gain: spec.adcGain, baseline: spec.baseline, units: spec.units,
                       samplesPerFrame: spec.samplesPerFrame,
                       checksumOK: spec.checksum == nil ? nil : !mismatched.contains(index))
            }
            let given = wfdb.signals.contains { $0.checksum != nil }
            self.init(metadata: metadata, fs: wfdb.header.samplingFrequency, sigLen: wfdb.frameCount,
                      container: "WFDB", signals: signals,
                      checksum: !mismatched.isEmpty ? "mismatch" : given ? "verified" : "not given")
        case .hdf5:
            let record = try entry.readRecord(limits: limits)
            let signals = record.leads.map {
                Signal(name: $0.label, lead: $0.lead.name, format: "float32", gain: nil, baseline: nil,
                       units: $0.units, samplesPerFrame: 1, checksumOK: nil)
            }
            self.init(metadata: record.metadata, fs: record.samplingFrequency.hertz, sigLen: record.sampleCount,
                      container: "HDF5", signals: signals, checksum: "not applicable")
        }
    }

    private init(metadata: RecordMetadata, fs: Double, sigLen: Int, container: String,
                 signals: [Signal], checksum: String) {
        record = metadata.recordID
        source = metadata.source
        self.container = container
        self.fs = fs
        nSig = signals.count
        self.sigLen = sigLen
        durationS = fs > 0 ? Double(sigLen) / fs : 0
        var seen = Set<String>()
        formats = signals.map(\.format).filter { seen.insert($0).inserted }
        subjectID = metadata.subjectID
        studyID = metadata.studyID
        acquisitionTime = metadata.acquisitionTime.map {
            $0.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)
                .dateSeparator(.dash).timeSeparator(.colon).dateTimeSeparator(.space))
        }
        comments = metadata.comments
        self.checksum = checksum
        self.signals = signals
    }

    /// The summary as pretty-printed JSON with stable key order.
    public func encodedJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A readable multi-line summary.
    public var text: String {
        var lines: [String] = []
        lines.append("Record \(record)  (\(container): \(source))")
        let hertz = fs == fs.rounded() ? String(Int(fs)) : String(fs)
        lines.append("  \(nSig) signals, \(hertz) Hz, \(sigLen) samples = \(Self.format(seconds: durationS)), format \(formats.joined(separator: ", "))")
        if let subjectID { lines.append("  subject \(subjectID)" + (studyID.map { ", study \($0)" } ?? "")) }
        if let acquisitionTime { lines.append("  acquired \(acquisitionTime) (UTC, as the source gives it)") }
        lines.append("  checksums: \(checksum)")
        lines.append("  signal     lead  format  gain(adu/unit)  baseline  units  checksum")
        for signal in signals {
            let gain = signal.gain.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "-"
            let baseline = signal.baseline.map(String.init) ?? "-"
            let check = signal.checksumOK.map { $0 ? "ok" : "MISMATCH" } ?? "-"
            lines.append("  " + [Self.pad(signal.name, 10), Self.pad(signal.lead, 5), Self.pad(signal.format, 7),
                                Self.pad(gain, 15), Self.pad(baseline, 9), Self.pad(signal.units, 6), check]
                .joined(separator: " "))
        }
        for comment in comments { lines.append("  # \(comment)") }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func format(seconds: Double) -> String {
        if seconds >= 3600 { return String(format: "%d:%02d:%06.3f h", Int(seconds) / 3600, Int(seconds) % 3600 / 60, seconds.truncatingRemainder(dividingBy: 60)) }
        if seconds >= 60 { return String(format: "%d:%06.3f min", Int(seconds) / 60, seconds.truncatingRemainder(dividingBy: 60)) }
        return String(format: "%g s", seconds)
    }
}
