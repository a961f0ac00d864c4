import Batch
import Datasets
import Foundation
import Testing
import TestSupport

@Suite struct DatasetIndexTests {
    /// The streamed record_list.csv gives exactly the entries Datasets' MIMICDataset lists.
    @Test(.enabled(if: RealData.shouldRun("mimic-layout")))
    func recordListIndexMatchesMIMICDataset() throws {
        let root = try RealData.directory("mimic-layout")
        let expected = try MIMICDataset(root: root).entries
        let index = try DatasetIndex(opening: root)
        #expect(index.count == expected.count)
        for (k, entry) in expected.enumerated() {
            #expect(index.entry(at: k) == entry, "row \(k)")
        }
    }

    @Test func nonCanonicalPathsAndEntriesFromOtherDatasets() throws {
        let dataset = try SignalsDataset(count: 5)
        defer { dataset.remove() }
        // Move record 2 elsewhere and say so in record_list.csv.
        let moved = dataset.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: moved, withIntermediateDirectories: true)
        let name = dataset.records[2].name
        for suffix in [".hea", ".dat"] {
            try FileManager.default.moveItem(at: dataset.root.appendingPathComponent(dataset.records[2].path + suffix),
                                             to: moved.appendingPathComponent(name + suffix))
        }
        let list = dataset.root.appendingPathComponent("record_list.csv")
        let text = try String(contentsOf: list, encoding: .utf8)
            .replacingOccurrences(of: dataset.records[2].path, with: "elsewhere/\(name)")
        try text.write(to: list, atomically: true, encoding: .utf8)
        let index = try DatasetIndex(opening: dataset.root)
        #expect(index.entry(at: 2).headerURL?.path == moved.appendingPathComponent(name + ".hea").path)
        #expect(try index.entry(at: 2).readRecord().id == name)
        #expect(index.entry(at: 3).headerURL?.path == dataset.header(3).path)

        // Without record_list.csv the tree walk of Datasets is used, in path order.
        try FileManager.default.removeItem(at: list)
        try FileManager.default.removeItem(at: moved)
        let walked = try DatasetIndex(opening: dataset.root)
        let expected = try MIMICDataset(root: dataset.root).entries
        #expect(walked.count == 4)
        #expect((0..<walked.count).map(walked.entry(at:)) == expected)
    }

    @Test func badRecordListRowsNameTheLine() throws {
        let dataset = try SignalsDataset(count: 3)
        defer { dataset.remove() }
        let list = dataset.root.appendingPathComponent("record_list.csv")
        var rows = try String(contentsOf: list, encoding: .utf8).split(separator: "\n").map(String.init)
        for (bad, message) in [("2150-02-30 10:00:00", "ecg_time '2150-02-30 10:00:00' is not a valid"),
                               ("../../etc/passwd", "climbs out")] {
            var copy = rows
            var fields = copy[2].split(separator: ",").map(String.init)
            if bad.hasPrefix("..") { fields[4] = bad; fields[2] = "passwd" } else { fields[3] = bad }
            copy[2] = fields.joined(separator: ",")
            try (copy.joined(separator: "\n") + "\n").write(to: list, atomically: true, encoding: .utf8)
            let error = #expect(throws: DatasetError.self) { try DatasetIndex(opening: dataset.root) }
            #expect(error?.line == 3)
            #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        }
        rows[0] = "subject_id,study_id,file_name,path"
        try (rows.joined(separator: "\n") + "\n").write(to: list, atomically: true, encoding: .utf8)
        let error = #expect(throws: DatasetError.self) { try DatasetIndex(opening: dataset.root) }
        #expect(error?.message.contains("missing column 'ecg_time'") == true)
    }

    @Test func mimicTimeParsing() {
        #expect(MIMICTime.seconds("1970-01-01 00:00:00") == 0)
        #expect(MIMICTime.seconds("2166-08-13 09:02:00") == 6_204_589_320)
        #expect(MIMICTime.seconds("2000-02-29 12:00:00") != nil)
        for bad in ["2100-02-29 12:00:00", "2150-13-01 00:00:00", "2150-01-01 24:00:00", "2150-01-01T00:00:00", "2150-1-1 0:0:0"] {
            #expect(MIMICTime.seconds(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct HDF5ConversionTests {
    /// A CODE-15%-layout HDF5 file is a dataset: every exam once, in file order, with its
    /// patient from exams.csv.
    @Test(.enabled(if: RealData.shouldRun("code15-layout")))
    func convertsEveryExamOfAnHDF5File() throws {
        let file = try RealData.directory("code15-layout").appendingPathComponent("exams_part0.hdf5")
        let dataset = try HDF5ExamDataset(file: file, examsCSV: file.deletingLastPathComponent().appendingPathComponent("exams.csv"))
        let out = try RealData.temporaryDirectory("hdf5")
        defer { try? FileManager.default.removeItem(at: out) }
        let summary = try BatchConverter(processor: ReadingProcessor(), threads: 2)
            .run(try ConversionPlan(opening: file), into: out)
        #expect(summary.records == dataset.entries.count && summary.failed == 0)
        let rows = lines(try Data(contentsOf: out.appendingPathComponent("records.csv"))).dropFirst()
        #expect(rows.map { String($0.split(separator: ",")[0]) } == dataset.entries.map(\.recordID))
        let index = lines(try Data(contentsOf: out.appendingPathComponent("index.tsv"))).dropFirst()
        #expect(index.map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[1]) }
                == dataset.entries.map { $0.subjectID.map(String.init) ?? "" })
    }

    @Test func ageAndSexSurviveTheIndexAndChangeTheFingerprint() throws {
        let url = URL(fileURLWithPath: "/data/exams.hdf5")
        let entries = [
            DatasetEntry(location: .hdf5(file: url, index: 0), recordID: "1", subjectID: 7, age: 56, isMale: false),
            DatasetEntry(location: .hdf5(file: url, index: 1), recordID: "2", subjectID: 7),
            DatasetEntry(location: .hdf5(file: url, index: 2), recordID: "3", subjectID: 8, isMale: true),
        ]
        let index = DatasetIndex(entries: entries)
        #expect((0..<3).map(index.entry(at:)) == entries)
        let twice = index.repeated(2)
        #expect((0..<6).map(twice.entry(at:)) == entries + entries)
        // Another age is another conversion (the statements depend on it): a run cannot resume into it.
        var older = entries
        older[0].age = 57
        let fingerprint = try ConversionPlan(source: "a", entries: entries).fingerprint
        #expect(try ConversionPlan(source: "a", entries: older).fingerprint != fingerprint)
        #expect(try ConversionPlan(source: "b", entries: entries).fingerprint == fingerprint)
    }
}
