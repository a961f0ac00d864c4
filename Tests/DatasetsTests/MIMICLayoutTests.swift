import Datasets
import Foundation
import Testing
import TestSupport

/// Small MIMIC-style trees built by the tests: path escapes, symbolic links, times, grouping.
final class MIMICLayoutTests {
    let directory: URL
    let root: URL
    let outside: URL

    init() throws {
        directory = try RealData.temporaryDirectory("mimic-layout")
        root = directory.appendingPathComponent("root")
        outside = directory.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `files/p1000/p<subject>/s<study>/<study>.hea` (contents irrelevant to the index).
    func addRecord(subject: Int, study: Int) throws {
        let folder = root.appendingPathComponent("files/p\(String(subject).prefix(4))/p\(subject)/s\(study)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("\(study) 12 500 5000\n".utf8).write(to: folder.appendingPathComponent("\(study).hea"))
    }

    func writeRecordList(_ rows: [String]) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let text = (["subject_id,study_id,file_name,ecg_time,path"] + rows).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: root.appendingPathComponent("record_list.csv"))
    }

    func openError(useRecordList: Bool = true) -> DatasetError? {
        do {
            _ = try MIMICDataset(root: root, useRecordList: useRecordList)
            return nil
        } catch let error as DatasetError {
            return error
        } catch {
            return nil
        }
    }

    @Test func timesAndGroupingFromRecordList() throws {
        try addRecord(subject: 10000002, study: 40000001)
        try addRecord(subject: 10000002, study: 40000002)
        try addRecord(subject: 10000001, study: 40000003)
        // Listed out of time order on purpose; 2120 is a leap year.
        try writeRecordList([
            "10000002,40000001,40000001,2150-03-01 00:00:00,files/p1000/p10000002/s40000001/40000001",
            "10000002,40000002,40000002,2120-02-29 23:59:59,files/p1000/p10000002/s40000002/40000002",
            "10000001,40000003,40000003,2199-12-31 12:00:00,files/p1000/p10000001/s40000003/40000003",
        ])
        let dataset = try MIMICDataset(root: root)
        #expect(dataset.entries.map(\.studyID) == [40000001, 40000002, 40000003])
        let formatter = ISO8601DateFormatter()
        #expect(dataset.entries[1].ecgTime == formatter.date(from: "2120-02-29T23:59:59Z"))
        #expect(dataset.entries[2].ecgTime == formatter.date(from: "2199-12-31T12:00:00Z"))
        let patients = dataset.patients()
        #expect(patients.map(\.subjectID) == [10000001, 10000002])
        #expect(patients[1].ecgs.map(\.studyID) == [40000002, 40000001])
    }

    @Test(arguments: ["2121-02-29 10:00:00", "2150-13-01 00:00:00", "2150-04-31 00:00:00",
                      "2150-01-01 24:00:00", "2150-01-01T00:00:00", "2150-1-01 00:00:00", ""])
    func invalidTimesAreRefusedWithTheLine(time: String) throws {
        try addRecord(subject: 10000001, study: 40000003)
        try writeRecordList([
            "10000001,40000003,40000003,2150-01-01 00:00:00,files/p1000/p10000001/s40000003/40000003",
            "10000001,40000003,40000003,\(time),files/p1000/p10000001/s40000003/40000003",
        ])
        let error = try #require(openError())
        #expect(error.line == 3)
        #expect(error.file.hasSuffix("record_list.csv"))
    }

    @Test(arguments: ["../outside/40000003", "/etc/40000003", "files/./p1/40000003",
                      "files//40000003", "files/../../outside/40000003", "files\\40000003"])
    func pathsThatCouldLeaveTheRootAreRefused(path: String) throws {
        try writeRecordList(["10000001,40000003,40000003,2150-01-01 00:00:00,\(path)"])
        let error = try #require(openError())
        #expect(error.line == 2)
    }

    @Test func missingHeaderAndMismatchedFileName() throws {
        try addRecord(subject: 10000001, study: 40000003)
        try writeRecordList(["10000001,40000004,40000004,2150-01-01 00:00:00,files/p1000/p10000001/s40000004/40000004"])
        #expect(openError()?.message.contains("does not exist") == true)
        #expect(try MIMICDataset(root: root, verifyFiles: false).entries.count == 1)
        try writeRecordList(["10000001,40000003,40000009,2150-01-01 00:00:00,files/p1000/p10000001/s40000003/40000003"])
        #expect(openError()?.message.contains("file_name") == true)
        try writeRecordList(["10000001,40000003,40000003,2150-01-01 00:00:00"])
        #expect(openError()?.line == 2)
        try Data("subject_id,study_id,path\n".utf8).write(to: root.appendingPathComponent("record_list.csv"))
        #expect(openError()?.message.contains("ecg_time") == true)
    }

    @Test func symbolicLinksOutOfTheRootAreNotFollowed() throws {
        try addRecord(subject: 10000001, study: 40000001)
        // A study folder that is a link to a folder outside the root.
        let escapedStudy = outside.appendingPathComponent("s40000002")
        try FileManager.default.createDirectory(at: escapedStudy, withIntermediateDirectories: true)
        try Data("40000002 12 500 5000\n".utf8).write(to: escapedStudy.appendingPathComponent("40000002.hea"))
        let subjectFolder = root.appendingPathComponent("files/p1000/p10000001")
        try FileManager.default.createSymbolicLink(at: subjectFolder.appendingPathComponent("s40000002"),
                                                   withDestinationURL: escapedStudy)
        // A header that is itself a link out of the root, and one that links inside it.
        let linkedStudy = subjectFolder.appendingPathComponent("s40000003")
        try FileManager.default.createDirectory(at: linkedStudy, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: linkedStudy.appendingPathComponent("40000003.hea"),
                                                   withDestinationURL: escapedStudy.appendingPathComponent("40000002.hea"))
        let insideStudy = subjectFolder.appendingPathComponent("s40000004")
        try FileManager.default.createDirectory(at: insideStudy, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: insideStudy.appendingPathComponent("40000004.hea"),
                                                   withDestinationURL: subjectFolder.appendingPathComponent("s40000001/40000001.hea"))

        let walked = try MIMICDataset(root: root)
        #expect(walked.index == .treeWalk)
        #expect(walked.entries.map(\.studyID) == [40000001, 40000004])

        try writeRecordList(["10000001,40000002,40000002,2150-01-01 00:00:00,files/p1000/p10000001/s40000002/40000002"])
        #expect(openError()?.message.contains("symbolic link") == true)
        try writeRecordList(["10000001,40000003,40000003,2150-01-01 00:00:00,files/p1000/p10000001/s40000003/40000003"])
        #expect(openError()?.message.contains("symbolic link") == true)
    }

    /// A folder of plain WFDB records (like `Signals/`) is a dataset too: headers outside
    /// MIMIC's p<subject>/s<study> folders are walked with subject and study unknown.
    @Test func treeWalkTakesHeadersOutsideTheMIMICLayoutWithoutIDs() throws {
        try addRecord(subject: 10000001, study: 40000001)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("other"), withIntermediateDirectories: true)
        try Data("x 1 1 1\n".utf8).write(to: root.appendingPathComponent("other/x.hea"))
        let walked = try MIMICDataset(root: root)
        #expect(walked.entries.map(\.recordID) == ["40000001", "x"])
        let outside = try #require(walked.entries.last)
        #expect(outside.subjectID == nil && outside.studyID == nil)
        #expect(outside.headerURL?.path.hasSuffix("other/x.hea") == true)
        #expect(walked.patients().map(\.subjectID) == [10000001])
    }

    @Test func notAFolder() throws {
        #expect(throws: DatasetError.self) { try MIMICDataset(root: self.directory.appendingPathComponent("none")) }
    }
}
