import Datasets
import Foundation
import Testing
import TestSupport

/// The shared MIMIC-IV-ECG-layout tree: 250 records of 114 subjects (see its SOURCE.md).
@Suite(.enabled(if: RealData.shouldRun("mimic-layout")))
struct MIMICRealDataTests {
    let root: URL

    init() throws {
        root = try RealData.directory("mimic-layout")
    }

    @Test func recordListEntries() throws {
        let dataset = try MIMICDataset(root: root)
        #expect(dataset.index == .recordList(root.appendingPathComponent("record_list.csv")))
        #expect(dataset.entries.count == 250)
        let first = try #require(dataset.entries.first)
        // record_list.csv line 2: 10210757,45944676,45944676,2166-08-13 09:02:00,files/p1021/p10210757/s45944676/45944676
        #expect(first.subjectID == 10210757)
        #expect(first.studyID == 45944676)
        #expect(first.recordID == "45944676")
        #expect(first.headerURL == root.appendingPathComponent("files/p1021/p10210757/s45944676/45944676.hea"))
        let formatter = ISO8601DateFormatter()
        #expect(first.ecgTime == formatter.date(from: "2166-08-13T09:02:00Z"))
        #expect(dataset.entries.allSatisfy { entry in
            entry.headerURL.map { FileManager.default.fileExists(atPath: $0.path) } == true
        })
        #expect(Set(dataset.entries.map(\.studyID)).count == 250)
    }

    @Test func patientsAreGroupedAndInTimeOrder() throws {
        let patients = try MIMICDataset(root: root).patients()
        #expect(patients.count == 114)
        #expect(patients.map(\.subjectID) == patients.map(\.subjectID).sorted())
        #expect(patients.map(\.ecgs.count).reduce(0, +) == 250)
        for patient in patients {
            #expect(patient.ecgs.allSatisfy { $0.subjectID == patient.subjectID })
            let times = patient.ecgs.compactMap(\.ecgTime)
            #expect(times.count == patient.ecgs.count)
            #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 }, "subject \(patient.subjectID)")
        }
        // SOURCE.md: "ECGs per subject: 1 ECG: 54, 2 ECGs: 33, 3 ECGs: 9, 4 ECGs: 10, 5 ECGs: 2,
        // 6 ECGs: 1, 7 ECGs: 1, 8 ECGs: 1, 9 ECGs: 1, 11 ECGs: 1, 12 ECGs: 1".
        let sizes = Dictionary(grouping: patients, by: \.ecgs.count).mapValues(\.count)
        #expect(sizes == [1: 54, 2: 33, 3: 9, 4: 10, 5: 2, 6: 1, 7: 1, 8: 1, 9: 1, 11: 1, 12: 1])
    }

    @Test func treeWalkFindsTheSameRecords() throws {
        let listed = try MIMICDataset(root: root)
        let walked = try MIMICDataset(root: root, useRecordList: false)
        #expect(walked.index == .treeWalk)
        #expect(walked.entries.count == 250)
        let paths = walked.entries.compactMap { $0.headerURL?.path }
        #expect(paths == paths.sorted())
        func key(_ entry: DatasetEntry) -> String {
            "\(entry.subjectID ?? -1)/\(entry.studyID ?? -1)/\(entry.recordID)/\(entry.headerURL?.standardizedFileURL.path ?? "")"
        }
        #expect(Set(walked.entries.map(key)) == Set(listed.entries.map(key)))
        #expect(walked.entries.allSatisfy { $0.ecgTime == nil })
        #expect(walked.patients().map(\.subjectID) == listed.patients().map(\.subjectID))
    }

    @Test func recordsFileAsAPlainList() throws {
        let list = try RecordListDataset(listFile: root.appendingPathComponent("RECORDS"))
        let listed = try MIMICDataset(root: root)
        #expect(list.entries.map(\.headerURL) == listed.entries.map(\.headerURL))
        #expect(list.entries.map(\.subjectID) == listed.entries.map(\.subjectID))
        #expect(list.entries.map(\.studyID) == listed.entries.map(\.studyID))
    }

    @Test func loaderOpensAFolderAsMIMIC() throws {
        let dataset = try DatasetLoader.open(root)
        #expect(dataset is MIMICDataset)
        #expect(dataset.entries.count == 250)
    }
}
