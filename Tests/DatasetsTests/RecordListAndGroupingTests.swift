import Datasets
import Foundation
import Testing
import TestSupport

struct RecordListAndGroupingTests {
    @Test func plainListResolvesRelativeAndAbsolutePaths() throws {
        let directory = try RealData.temporaryDirectory("record-list")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sub = directory.appendingPathComponent("db/p10000001/s40000001")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data().write(to: sub.appendingPathComponent("40000001.hea"))
        try Data().write(to: directory.appendingPathComponent("100.hea"))
        let absolute = directory.appendingPathComponent("100.hea").path
        let list = directory.appendingPathComponent("list.txt")
        try Data("# records\ndb/p10000001/s40000001/40000001\n\n  \(absolute)  \n100\n".utf8).write(to: list)
        let dataset = try RecordListDataset(listFile: list)
        #expect(dataset.entries.map(\.recordID) == ["40000001", "100", "100"])
        #expect(dataset.entries[0].headerURL == directory.appendingPathComponent("db/p10000001/s40000001/40000001.hea"))
        #expect(dataset.entries[0].subjectID == 10000001 && dataset.entries[0].studyID == 40000001)
        #expect(dataset.entries[1].headerURL?.path == absolute)
        #expect(dataset.entries[2].subjectID == nil)
        #expect(dataset.patients().map(\.subjectID) == [10000001])
        #expect(try DatasetLoader.open(list) is RecordListDataset)

        try Data("100\nmissing\n".utf8).write(to: list)
        do {
            _ = try RecordListDataset(listFile: list)
            Issue.record("a missing record was listed without an error")
        } catch let error as DatasetError {
            #expect(error.line == 2 && error.file == list.path)
        }
        #expect(try RecordListDataset(listFile: list, verifyFiles: false).entries.count == 2)
    }

    @Test func groupingOrdersByTimeThenStudyAndPutsUntimedLast() {
        let base = Date(timeIntervalSince1970: 5_000_000_000)
        func entry(_ subject: Int?, _ study: Int, _ offset: TimeInterval?) -> DatasetEntry {
            DatasetEntry(location: .wfdb(header: URL(fileURLWithPath: "/d/\(study).hea")), recordID: "\(study)",
                         subjectID: subject, studyID: study, ecgTime: offset.map { base + $0 })
        }
        let patients = Patient.grouping([
            entry(20, 5, nil), entry(20, 4, 60), entry(3, 9, 0), entry(20, 2, 60), entry(20, 1, -3600),
            entry(nil, 7, 0),
        ])
        #expect(patients.map(\.subjectID) == [3, 20])
        #expect(patients[1].ecgs.map(\.studyID) == [1, 2, 4, 5])
        #expect(patients.flatMap(\.ecgs).count == 5)
    }
}

/// A PhysioNet folder with a RECORDS file opens as the list of records it names.
@Suite(.enabled(if: RealData.shouldRun("ludb/RECORDS")))
struct PhysioNetRecordsTests {
    @Test func ludbFolderOpensThroughItsRecordsFile() throws {
        let root = try RealData.directory("ludb")
        let names = try String(contentsOf: root.appendingPathComponent("RECORDS"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let dataset = try DatasetLoader.open(root)
        #expect(dataset is RecordListDataset)
        #expect(dataset.entries.count == names.count)
        #expect(dataset.entries.first?.headerURL == root.appendingPathComponent("data/1.hea"))
        #expect(dataset.entries.map(\.recordID) == names.map { String($0.split(separator: "/").last ?? "") })
        #expect(dataset.patients().isEmpty)
    }
}
