import Datasets
import Foundation
import HDF5Tracings
import Testing
import TestSupport

@Suite(.enabled(if: RealData.shouldRun("code15-layout")))
struct HDF5ExamDatasetTests {
    @Test func code15FileWithExamsCSV() throws {
        let folder = try RealData.directory("code15-layout")
        let file = folder.appendingPathComponent("exams_part0.hdf5")
        let dataset = try HDF5ExamDataset(file: file, examsCSV: folder.appendingPathComponent("exams.csv"))
        #expect(dataset.entries.count == 150)
        #expect(dataset.entries[3].location == .hdf5(file: file, index: 3))
        #expect(dataset.entries[0].recordID == "521045")
        // exams.csv line 2: exam 521045 belongs to patient 252166.
        #expect(dataset.entries[0].subjectID == 252166)
        #expect(dataset.entries.allSatisfy { $0.subjectID != nil })
        // Age and sex (the rules' sex- and age-specific limits use them): line 2 says 56, False.
        #expect(dataset.entries[0].age == 56 && dataset.entries[0].isMale == false)
        let csv = try CSVTable(contentsOf: folder.appendingPathComponent("exams.csv"))
        let males = csv.rows.filter { $0["is_male"] == "True" }.count
        #expect(dataset.entries.filter { $0.isMale == true }.count == males && males > 0)
        // Exams with an empty age cell have no age (two in this file), never a made-up one.
        let aged = csv.rows.filter { !($0["age"] ?? "").isEmpty }.count
        #expect(dataset.entries.filter { $0.age != nil }.count == aged && aged < csv.rows.count)
        // SOURCE.md: 150 exams of 141 PTB-XL patients, patient_id shared by one patient's exams.
        #expect(dataset.patients().count == 141)
        #expect(dataset.entries[5].location.description == file.path + "#5")
        let record = try dataset.files[0].record(at: 5)
        #expect(record.id == dataset.entries[5].recordID)

        let loaded = try DatasetLoader.open(file)
        #expect(loaded is HDF5ExamDataset)
        #expect(loaded.patients().count == 141)
    }

    @Test func withoutExamsCSVNoPatients() throws {
        let file = try RealData.directory("code15-layout").appendingPathComponent("exams_part0.hdf5")
        let dataset = try HDF5ExamDataset(file: file)
        #expect(dataset.entries.count == 150)
        #expect(dataset.patients().isEmpty)
        #expect(dataset.entries.allSatisfy { $0.age == nil && $0.isMale == nil })
    }
}
