import Foundation

/// One ECG of a dataset: where it is, and what the dataset's index says about it.
public struct DatasetEntry: Sendable, Hashable {
    /// Where the waveforms are.
    public var location: RecordLocation
    /// The record's name: MIMIC-IV-ECG's `file_name` (= study id), a WFDB record name, or a
    /// CODE-15% exam id.
    public var recordID: String
    /// The patient (MIMIC `subject_id`, CODE-15% `patient_id`), where known.
    public var subjectID: Int?
    /// The study (MIMIC `study_id`), where known.
    public var studyID: Int?
    /// When the ECG was taken (MIMIC `ecg_time`, UTC, in MIMIC's shifted calendar), where known.
    public var ecgTime: Date?
    /// The patient's age in years at the ECG (CODE-15% `age`), where the index gives it.
    public var age: Int?
    /// The patient's sex (CODE-15% `is_male`), where the index gives it: sex-specific criteria
    /// (Cornell voltage, QTc and ST limits) use it.
    public var isMale: Bool?
    /// The dataset folder the record's files must stay inside, symbolic links resolved
    /// (checked again when the record is read, so a link planted after indexing is refused
    /// too); `nil` for a record the user named directly.
    public var root: URL?

    public init(location: RecordLocation, recordID: String, subjectID: Int? = nil, studyID: Int? = nil,
                ecgTime: Date? = nil, age: Int? = nil, isMale: Bool? = nil, root: URL? = nil) {
        self.location = location
        self.recordID = recordID
        self.subjectID = subjectID
        self.studyID = studyID
        self.ecgTime = ecgTime
        self.age = age
        self.isMale = isMale
        self.root = root
    }

    /// The header's URL for a WFDB entry, `nil` for an HDF5 exam.
    public var headerURL: URL? {
        if case .wfdb(let header) = location { return header }
        return nil
    }
}
