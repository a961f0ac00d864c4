import ECGModel
import Foundation
import HDF5Tracings

/// The exams of one HDF5 tracings file (CODE-15% `exams_part*.hdf5` or a similar layout).
///
/// Entries are the exams in file order, named by exam id. Given CODE-15%'s `exams.csv`
/// (columns `exam_id`, `patient_id`), each exam also gets its patient, so that ``patients()``
/// groups a patient's exams; exams the CSV does not list have no patient.
public struct HDF5ExamDataset: ECGDataset {
    /// The open tracings file, for reading the exams.
    public let tracings: HDF5TracingsFile
    public let entries: [DatasetEntry]

    public init(file: URL, layout: HDF5TracingsLayout = .code15, limits: ReadLimits = .default,
                examsCSV: URL? = nil) throws {
        tracings = try HDF5TracingsFile(url: file, layout: layout, limits: limits)
        var patientOfExam: [Int64: Int] = [:]
        if let examsCSV {
            let table = try CSVTable(contentsOf: examsCSV, limits: limits)
            try table.requireColumns(["exam_id", "patient_id"])
            for row in table.rows {
                let exam = Int64(try table.integer("exam_id", in: row))
                guard patientOfExam.updateValue(try table.integer("patient_id", in: row), forKey: exam) == nil else {
                    throw DatasetError(file: examsCSV.path, line: row.line, message: "exam_id \(exam) is listed twice")
                }
            }
        }
        entries = tracings.examIDs.enumerated().map { index, exam in
            DatasetEntry(location: .hdf5(file: file, index: index), recordID: String(exam),
                         subjectID: patientOfExam[exam])
        }
    }
}
