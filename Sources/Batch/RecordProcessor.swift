import Datasets
import ECGModel

/// One output file of a conversion: its name in the output folder and an optional first line.
///
/// Record-level outputs get exactly one line per converted record, in dataset order; the
/// header (a CSV header, for instance) is written once at the top.
public struct BatchOutput: Sendable, Hashable {
    /// File name inside the output folder (`measurements.csv`, `statements.jsonl`…).
    public var name: String
    /// A line written once before the records' lines (without its newline), if any.
    public var header: String?

    public init(name: String, header: String? = nil) {
        self.name = name
        self.header = header
    }
}

/// What one record turned into: one line for each of the processor's outputs.
public struct ProcessedRecord: Sendable, Equatable {
    /// Output file name → the record's line in it (no newline inside).
    public var lines: [String: String]
    /// What the patient-level step needs to know of this record (one line, no newline), if
    /// the conversion has a ``PatientProcessor``.
    public var patientPayload: String?

    public init(lines: [String: String], patientPayload: String? = nil) {
        self.lines = lines
        self.patientPayload = patientPayload
    }
}

/// The per-record pipeline a conversion runs: an ``ECGRecord`` in, output lines out.
///
/// Implementations are called concurrently from several worker threads and must give the
/// same lines for the same record every time (no timings, no thread-dependent state), which
/// is what makes a conversion's outputs byte-identical whatever the thread count.
/// A thrown error sends the record to `errors.jsonl` with the error's description.
public protocol RecordProcessor: Sendable {
    /// The record-level files this processor writes, in the order they are listed.
    var outputs: [BatchOutput] { get }
    /// A short description of the processor and its options; a conversion resumes only into
    /// an output folder made by the same description.
    var signature: String { get }
    /// Processes one record (`entry` says where it came from in the dataset).
    func process(_ record: ECGRecord, entry: DatasetEntry) throws -> ProcessedRecord
}

/// One converted record as the patient-level step sees it.
public struct PatientRecord: Sendable, Equatable {
    /// The record's position in the dataset.
    public var position: Int
    /// The record's ``ProcessedRecord/patientPayload``.
    public var payload: String

    public init(position: Int, payload: String) {
        self.position = position
        self.payload = payload
    }
}

/// The patient-level pipeline (a longitudinal narrative per patient, for instance).
///
/// Called once per patient that has at least one converted record, with the patient's records
/// oldest first (the order of ``Patient/grouping(_:)``), patients in increasing subject id.
public protocol PatientProcessor: Sendable {
    /// The patient-level files this processor writes (one line per patient each).
    var outputs: [BatchOutput] { get }
    /// As ``RecordProcessor/signature``.
    var signature: String { get }
    /// One line per output for this patient.
    ///
    /// It cannot fail: by the time it runs, every record-level problem has been reported in
    /// `errors.jsonl`, and composing a patient's text from converted records must always work.
    func process(subjectID: Int, records: [PatientRecord]) -> [String: String]
}
