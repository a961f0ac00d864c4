import Batch
import Datasets
import ECGModel
import Foundation
import HDF5Tracings
import Synthesis
import Testing
import TestSupport

/// A dataset's own index (record_list.csv, RECORDS, exams.csv) never makes the tool read a file
/// outside the dataset folder, neither through `..` nor through a symbolic link — at indexing
/// time, and again when the record is read (a link planted after indexing).
@Suite(.serialized) struct DatasetSymlinkTests {
    /// Moves record `k`'s header outside the root and leaves a symbolic link to it in its place.
    static func linkOut(_ dataset: SignalsDataset, _ k: Int, to outside: Scratch) throws {
        let header = dataset.header(k)
        let moved = outside.url("\(k)-\(header.lastPathComponent)")
        try FileManager.default.moveItem(at: header, to: moved)
        try FileManager.default.createSymbolicLink(at: header, withDestinationURL: moved)
    }

    static func datasetError(_ body: () throws -> Void) -> DatasetError? {
        do { try body(); return nil } catch let error as DatasetError { return error } catch {
            Issue.record("not a DatasetError: \(error)")
            return nil
        }
    }

    @Test func mimicRecordListWithoutVerificationRefusesTheLinkWhenReading() throws {
        let dataset = try SignalsDataset(count: 3, label: "link-mimic")
        let outside = try Scratch()
        defer { dataset.remove(); outside.remove() }
        try Self.linkOut(dataset, 1, to: outside)
        // Verified opening refuses the row naming file and line.
        let opened = try #require(Self.datasetError { _ = try MIMICDataset(root: dataset.root) })
        #expect(opened.line == 3 && opened.message.contains("symbolic link"), "\(opened)")
        // Unverified opening (a partial download) indexes it, but reading it is refused.
        let entries = try MIMICDataset(root: dataset.root, verifyFiles: false).entries
        #expect(entries.allSatisfy { $0.root == dataset.root })
        _ = try entries[0].readRecord()
        let read = try #require(Self.datasetError { _ = try entries[1].readRecord() })
        #expect(read.file == dataset.header(1).path)
        #expect(read.message.contains("outside the dataset folder"), "\(read)")
    }

    @Test func headerReplacedByALinkAfterTheTreeWalkIsRefused() throws {
        let dataset = try SignalsDataset(count: 2, label: "link-walk")
        let outside = try Scratch()
        defer { dataset.remove(); outside.remove() }
        try FileManager.default.removeItem(at: dataset.root.appendingPathComponent("record_list.csv"))
        let entries = try MIMICDataset(root: dataset.root).entries
        #expect(entries.count == 2)
        try Self.linkOut(dataset, 0, to: outside)
        let error = try #require(Self.datasetError { _ = try entries[0].readRecord() })
        #expect(error.message.contains("symbolic link"))
        _ = try entries[1].readRecord()
    }

    @Test func batchConversionLogsTheLinkedRecordAndConvertsTheRest() throws {
        let dataset = try SignalsDataset(count: 4, label: "link-batch")
        let outside = try Scratch()
        let out = try Scratch()
        defer { dataset.remove(); outside.remove(); out.remove() }
        try Self.linkOut(dataset, 2, to: outside)
        let summary = try BatchConverter(processor: MeasurementProcessor(), threads: 1)
            .run(try ConversionPlan(opening: dataset.root), into: out.directory)
        #expect(summary.converted == 3 && summary.failed == 1)
        let errors = try out.text("errors.jsonl")
        #expect(errors.contains(dataset.records[2].name) && errors.contains("symbolic link"), "\(errors)")
        #expect(!errors.contains(dataset.records[0].name + "\""))
    }

    /// A PhysioNet folder: `RECORDS` names records inside it only.
    @Test(arguments: ["../outside/rec", "/etc/passwd", "a/../../rec"])
    func recordsFileEntriesLeavingTheFolderAreRefused(_ line: String) throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.copy("sinus-normal")
        try folder.write("sinus-normal\n\(line)\n", to: "RECORDS")
        let error = try #require(Self.datasetError { _ = try DatasetLoader.open(folder.directory) })
        #expect(error.file == folder.url("RECORDS").path)
        #expect(error.line == 2, "\(error)")
    }

    @Test func recordsFileHeaderLinkedOutOfTheFolderIsRefused() throws {
        let folder = try Scratch()
        let outside = try Scratch()
        defer { folder.remove(); outside.remove() }
        try folder.copy("sinus-normal")
        try outside.copy("sinus-bradycardia")
        try FileManager.default.createSymbolicLink(at: folder.url("brady.hea"), withDestinationURL: outside.url("sinus-bradycardia.hea"))
        try folder.write("sinus-normal\nbrady\n", to: "RECORDS")
        let error = try #require(Self.datasetError { _ = try DatasetLoader.open(folder.directory) })
        #expect(error.line == 2 && error.message.contains("symbolic link"), "\(error)")
        // A link that stays inside the folder is fine.
        try FileManager.default.removeItem(at: folder.url("brady.hea"))
        try FileManager.default.createSymbolicLink(atPath: folder.url("brady.hea").path, withDestinationPath: "sinus-normal.hea")
        let entries = try DatasetLoader.open(folder.directory).entries
        #expect(entries.count == 2)
        #expect(try entries[1].readRecord().sampleCount == 5000)
    }

    @Test func aListTheUserWroteMayNameRecordsAnywhere() throws {
        let folder = try Scratch()
        let lists = try Scratch()
        defer { folder.remove(); lists.remove() }
        let header = try folder.copy("sinus-normal")
        try lists.write(header.path + "\n", to: "mine.txt")
        let entries = try DatasetLoader.open(lists.url("mine.txt")).entries
        #expect(entries.count == 1 && entries[0].root == nil)
        #expect(try entries[0].readRecord().leads.count == 12)
    }

    @Test func hdf5ExamsCSVLinkedOutOfTheFolderIsRefused() throws {
        let folder = try Scratch()
        let outside = try Scratch()
        defer { folder.remove(); outside.remove() }
        let record = try SyntheticECG(samplingFrequency: SamplingFrequency(hertz: 400), seed: 4).generate().record
        let file = folder.url("exams.hdf5")
        try HDF5TracingsWriter.write([record], examIDs: [77], to: file)
        try outside.write("exam_id,patient_id\n77,5\n", to: "exams.csv")
        try FileManager.default.createSymbolicLink(at: folder.url("exams.csv"), withDestinationURL: outside.url("exams.csv"))
        let error = try #require(Self.datasetError { _ = try DatasetLoader.open(file) })
        #expect(error.file == folder.url("exams.csv").path && error.message.contains("symbolic link"), "\(error)")
        // The same CSV as a plain file beside the HDF5 file gives the exam its patient.
        try FileManager.default.removeItem(at: folder.url("exams.csv"))
        try folder.write("exam_id,patient_id\n77,5\n", to: "exams.csv")
        #expect(try DatasetLoader.open(file).entries.first?.subjectID == 5)
    }
}
