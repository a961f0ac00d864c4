@testable import Datasets
import ECGModel
import Foundation
import HDF5Tracings
import Testing
import TestSupport

/// CODE-15% ships its exams as `exams_part0.hdf5` … `exams_part17.hdf5` beside one `exams.csv`:
/// the folder is one dataset, so that a patient whose exams lie in two files stays one patient.
struct CODE15FolderTests {
    static func record(_ id: String) -> ECGRecord {
        let leads = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"].enumerated().map { k, label in
            LeadSignal(label: label, samples: (0..<4000).map { n in 1 + Float(k) * 0.1 + Float(sin(Double(n) * 0.02)) })
        }
        return ECGRecord(metadata: RecordMetadata(recordID: id), samplingFrequency: SamplingFrequency(hertz: 400), leads: leads)
    }

    /// Two part files named so that plain name order would put part 10 before part 2.
    static func folder(partTwo: [Int64], partTen: [Int64], csv: String?) throws -> URL {
        let folder = try RealData.temporaryDirectory("code15-folder")
        try HDF5TracingsWriter.write(partTwo.map { record(String($0)) }, examIDs: partTwo,
                                     to: folder.appendingPathComponent("exams_part2.hdf5"))
        try HDF5TracingsWriter.write(partTen.map { record(String($0)) }, examIDs: partTen,
                                     to: folder.appendingPathComponent("exams_part10.hdf5"))
        if let csv { try Data(csv.utf8).write(to: folder.appendingPathComponent("exams.csv")) }
        return folder
    }

    @Test func partFilesInNumericOrderWithPatientsAcrossFiles() throws {
        let csv = """
            exam_id,age,is_male,patient_id,trace_file
            21,60,True,7,exams_part2.hdf5
            22,45,False,8,exams_part2.hdf5
            101,61,True,7,exams_part10.hdf5
            102,,False,9,exams_part10.hdf5

            """
        let folder = try Self.folder(partTwo: [21, 22], partTen: [101, 102], csv: csv)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = try #require(try DatasetLoader.open(folder) as? HDF5ExamDataset)
        #expect(dataset.entries.map(\.recordID) == ["21", "22", "101", "102"])
        #expect(dataset.entries[2].location == .hdf5(file: folder.appendingPathComponent("exams_part10.hdf5"), index: 0))
        // Patient 7 has an exam in each file: one patient with both.
        let seven = try #require(dataset.patients().first { $0.subjectID == 7 })
        #expect(Set(seven.ecgs.map(\.recordID)) == ["21", "101"])
        #expect(dataset.patients().count == 3)
        #expect(dataset.entries[3].age == nil && dataset.entries[3].isMale == false)
        let read = try dataset.entries[2].readRecord()
        #expect(read.id == "101" && read.sampleCount == 4000)
    }

    @Test func hdf5FilesWithoutExamsCSVAreADatasetWithoutPatients() throws {
        let folder = try Self.folder(partTwo: [5], partTen: [6, 7], csv: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = try DatasetLoader.open(folder)
        #expect(dataset.entries.map(\.recordID) == ["5", "6", "7"])
        #expect(dataset.patients().isEmpty)
    }

    @Test func anExamInTwoFilesIsRefusedNamingBoth() throws {
        let folder = try Self.folder(partTwo: [5, 6], partTen: [6], csv: "exam_id,patient_id\n5,1\n6,2\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: DatasetError.self) { try DatasetLoader.open(folder) }
        #expect(error.description.contains("exams_part10.hdf5") && error.description.contains("exam_id 6 is also in exams_part2.hdf5"))
    }

    @Test func aFolderWithNoRecordsIsAnErrorNotAnEmptyDataset() throws {
        let folder = try RealData.temporaryDirectory("no-records")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("notes\n".utf8).write(to: folder.appendingPathComponent("README.txt"))
        let error = try #require(throws: DatasetError.self) { try DatasetLoader.open(folder) }
        #expect(error.description.contains("no records found"))
        // exams.csv with no tracings file beside it.
        try Data("exam_id,patient_id\n1,1\n".utf8).write(to: folder.appendingPathComponent("exams.csv"))
        let missing = try #require(throws: DatasetError.self) { try DatasetLoader.open(folder) }
        #expect(missing.description.contains("exams.csv") && missing.description.contains("no HDF5 tracings file"))
    }

    @Test func numericOrderComparesDigitRunsAsNumbers() {
        let names = ["exams_part10.hdf5", "exams_part2.hdf5", "exams_part0.hdf5", "exams.hdf5", "exams_part1.hdf5"]
        #expect(names.sorted(by: TracingFiles.numericOrder)
                == ["exams.hdf5", "exams_part0.hdf5", "exams_part1.hdf5", "exams_part2.hdf5", "exams_part10.hdf5"])
    }
}
