import Foundation

/// One patient's ECGs, oldest first.
public struct Patient: Sendable, Hashable {
    /// The patient's id (MIMIC `subject_id`, CODE-15% `patient_id`).
    public var subjectID: Int
    /// The patient's ECGs in acquisition order.
    public var ecgs: [DatasetEntry]

    public init(subjectID: Int, ecgs: [DatasetEntry]) {
        self.subjectID = subjectID
        self.ecgs = ecgs
    }

    /// Groups `entries` by subject, subjects in increasing id, each subject's ECGs by time.
    ///
    /// ECGs without a time come after the timed ones; ties are broken by study id, then record
    /// id, then location, so the order is the same on every run. Entries without a subject id
    /// belong to no patient and are left out.
    public static func grouping(_ entries: [DatasetEntry]) -> [Patient] {
        let bySubject = Dictionary(grouping: entries.filter { $0.subjectID != nil }) { $0.subjectID ?? 0 }
        return bySubject.keys.sorted().map { subject in
            Patient(subjectID: subject, ecgs: (bySubject[subject] ?? []).sorted(by: inAcquisitionOrder))
        }
    }

    /// The order of a patient's ECGs: by time (untimed last), then study, record and location.
    public static func inAcquisitionOrder(_ a: DatasetEntry, _ b: DatasetEntry) -> Bool {
        switch (a.ecgTime, b.ecgTime) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.studyID != b.studyID { return (a.studyID ?? .max) < (b.studyID ?? .max) }
        if a.recordID != b.recordID { return a.recordID < b.recordID }
        return a.location.description < b.location.description
    }
}

/// A collection of ECGs that can be listed and grouped by patient.
public protocol ECGDataset: Sendable {
    /// Every ECG, in the dataset's own order.
    var entries: [DatasetEntry] { get }
}

extension ECGDataset {
    /// The ECGs grouped by patient (see ``Patient/grouping(_:)``).
    public func patients() -> [Patient] {
        Patient.grouping(entries)
    }
}
