import ECGModel
import Foundation
import HDF5Tracings

/// The exams of one or more HDF5 tracings files (CODE-15% ships its 345,779 exams as
/// `exams_part0.hdf5` … `exams_part17.hdf5` with one `exams.csv` for all of them).
///
/// Entries are the exams file after file, each file's in its own order, named by exam id. Given
/// CODE-15%'s `exams.csv` (columns `exam_id`, `patient_id`, and where present `age`, `is_male`),
/// each exam also gets its patient, so that ``patients()`` groups a patient's exams even when
/// they lie in different files, and the patient's age and sex for the sex- and age-specific
/// criteria; exams the CSV does not list have no patient.
public struct HDF5ExamDataset: ECGDataset {
    /// The open tracings files, in entry order.
    public let files: [HDF5TracingsFile]
    public let entries: [DatasetEntry]

    /// The exams of one file.
    public init(file: URL, layout: HDF5TracingsLayout = .code15, limits: ReadLimits = .default,
                examsCSV: URL? = nil) throws {
        try self.init(files: [file], layout: layout, limits: limits, examsCSV: examsCSV)
    }

    /// The exams of several files, in the order given.
    ///
    /// - Throws: ``DatasetError`` when an exam id appears twice (in one file or two): every
    ///   output names records by exam id, so a repeated id would make two records one.
    public init(files urls: [URL], layout: HDF5TracingsLayout = .code15, limits: ReadLimits = .default,
                examsCSV: URL? = nil) throws {
        files = try urls.map { try HDF5TracingsFile(url: $0, layout: layout, limits: limits) }
        var patientOfExam: [Int64: Int] = [:]
        var demographics: [Int64: (age: Int?, isMale: Bool?)] = [:]
        if let examsCSV {
            let table = try CSVTable(contentsOf: examsCSV, limits: limits)
            try table.requireColumns(["exam_id", "patient_id"])
            let hasAge = table.hasColumn("age"), hasSex = table.hasColumn("is_male")
            for row in table.rows {
                let exam = Int64(try table.integer("exam_id", in: row))
                guard patientOfExam.updateValue(try table.integer("patient_id", in: row), forKey: exam) == nil else {
                    throw DatasetError(file: examsCSV.path, line: row.line, message: "exam_id \(exam) is listed twice")
                }
                // Empty or implausible cells mean "unknown", never a made-up value.
                let age = hasAge ? row["age"].flatMap { Int($0) }.flatMap { (0...130).contains($0) ? $0 : nil } : nil
                let isMale: Bool? = switch hasSex ? row["is_male"]?.lowercased() : nil {
                case "true", "1": true
                case "false", "0": false
                default: nil
                }
                if age != nil || isMale != nil { demographics[exam] = (age, isMale) }
            }
        }
        var fileOfExam: [Int64: URL] = [:]
        var entries: [DatasetEntry] = []
        for (url, tracings) in zip(urls, files) {
            for (index, exam) in tracings.examIDs.enumerated() {
                if let other = fileOfExam.updateValue(url, forKey: exam) {
                    throw DatasetError(file: url.path, message: "exam_id \(exam) is also in \(other.lastPathComponent)"
                                       + (other == url ? " (twice in this file)" : ""))
                }
                entries.append(DatasetEntry(location: .hdf5(file: url, index: index), recordID: String(exam),
                                            subjectID: patientOfExam[exam], age: demographics[exam]?.age,
                                            isMale: demographics[exam]?.isMale))
            }
        }
        self.entries = entries
    }
}
