import Foundation
import Testing
import TestSupport

@Suite struct InfoExportTests {
    /// The first record of the MIMIC-IV-ECG-layout tree, per its record_list.csv.
    func firstMIMICRecord() throws -> (path: String, subject: String) {
        let root = try RealData.directory("mimic-layout")
        let list = try String(contentsOf: root.appendingPathComponent("record_list.csv"), encoding: .utf8)
        let fields = list.split(separator: "\n")[1].split(separator: ",").map(String.init)
        return (root.appendingPathComponent(fields[4]).path, fields[0])
    }

    @Test(.enabled(if: RealData.shouldRun("mimic-layout")))
    func infoShowsAMIMICRecord() throws {
        let (path, subject) = try firstMIMICRecord()
        let result = try CommandRunner.run(["info", path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("12 signals, 500 Hz, 5000 samples = 10 s, format 16"))
        #expect(result.standardOutput.contains("subject \(subject)"))
        #expect(result.standardOutput.contains("checksums: verified"))
        for lead in ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"] {
            #expect(result.standardOutput.contains("\n  \(lead) "), "lead \(lead) missing")
        }
    }

    @Test(.enabled(if: RealData.shouldRun("mimic-layout")))
    func infoJSONHasNumbers() throws {
        let (path, subject) = try firstMIMICRecord()
        let result = try CommandRunner.run(["info", "--json", path + ".hea"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect((object["fs"] as? NSNumber)?.doubleValue == 500)
        #expect((object["n_sig"] as? NSNumber)?.intValue == 12)
        #expect((object["sig_len"] as? NSNumber)?.intValue == 5000)
        #expect(object["fs"] is NSNumber && !(object["fs"] is String))
        #expect(object["subject_id"] as? String == subject)
        #expect((object["formats"] as? [String]) == ["16"])
    }

    @Test(.enabled(if: RealData.shouldRun("code15-layout")))
    func infoAndExportReadAnHDF5Exam() throws {
        let file = try RealData.directory("code15-layout/exams_part0.hdf5").path
        let info = try CommandRunner.run(["info", "--json", file + "#0"])
        #expect(info.status == 0, "\(info.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(info.standardOutput.utf8)) as? [String: Any])
        #expect((object["fs"] as? NSNumber)?.doubleValue == 400)
        #expect((object["sig_len"] as? NSNumber)?.intValue == 4000)
        let export = try CommandRunner.run(["export", file + "#0", "--format", "csv"])
        #expect(export.status == 0, "\(export.standardError)")
        let lines = export.standardOutput.split(separator: "\n")
        #expect(lines.count == 4001)
        #expect(lines.first == "time_s,DI,DII,DIII,AVR,AVL,AVF,V1,V2,V3,V4,V5,V6")
    }

    @Test(.enabled(if: RealData.shouldRun("mitdb")))
    func exportWritesPhysicalSamples() throws {
        let record = try RealData.directory("mitdb").appendingPathComponent("100").path
        let out = try RealData.temporaryDirectory("export").appendingPathComponent("100.json")
        let result = try CommandRunner.run(["export", record, "--format", "json", "--out", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        #expect((object["fs"] as? NSNumber)?.doubleValue == 360)
        let leads = try #require(object["leads"] as? [String: [Double]])
        #expect(leads["MLII"]?.count == 650_000)
        // 100.dat's first MLII sample is 995 adu, baseline 1024, gain 200 adu/mV.
        #expect(abs((leads["MLII"]?.first ?? 0) - (995.0 - 1024.0) / 200.0) < 1e-6)
    }

    @Test func missingRecordIsAClearError() throws {
        let result = try CommandRunner.run(["info", "/nonexistent/record-42"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("/nonexistent/record-42"))
    }

    @Test func corruptHeaderNamesFileAndLine() throws {
        let folder = try RealData.temporaryDirectory("cli-bad-header")
        let header = folder.appendingPathComponent("bad.hea")
        try "bad 1 500 100\nbad.dat 16 200(0)/mV 16 0 0 0 0 I\nbad.dat sixteen\n".write(to: header, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["info", header.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("bad.hea"))
        #expect(result.standardError.contains("3"), "the message should name line 3: \(result.standardError)")
    }
}
