import ECGModel
import Foundation
import HDF5Tracings

/// The exams of one HDF5 tracings file (CODE-15% `exams_part*.hdf5` or a similar layout).
///
/// Entries are the exams in file order, named by exam id. Given CODE-15%'s `exams.csv`
/// (columns `exam_id`, `patient_id`, and where present `age`, `is_male`), each exam also gets
/// its patient, so that ``patients()`` groups a patient's exams, and the patient's age and sex
/// for the sex- and age-specific criteria; exams the CSV does not list have no patient.
public struct HDF5ExamDataset: ECGDataset {
    /// The open tracings file, for reading the exams.
    public let tracings: HDF5TracingsFile
    public let entries: [DatasetEntry]

    public init(file: URL, layout: HDF5TracingsLayout = .code15, limits: ReadLimits = .default,
                examsCSV: URL? = nil) throws {
        tracings = try HDF5TracingsFile(url: file, layout: layout, limits: limits)
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
        entries = tracings.examIDs.enumerated().map { index, exam in
            DatasetEntry(location: .hdf5(file: file, index: index), recordID: String(exam),
                         subjectID: patientOfExam[exam], age: demographics[exam]?.age, isMale: demographics[exam]?.isMale)
        }
    }
}
