import ECGModel
import Foundation
import Testing
import TestSupport
import WFDB

@Suite(.enabled(if: RealData.shouldRun("wfdb-sample")))
struct ECGConversionTests {
    func sample(_ name: String) throws -> URL {
        try RealData.directory("wfdb-sample").appendingPathComponent(name)
    }

    @Test func physicalIsDigitalMinusBaselineOverGain() throws {
        let raw = try WFDBRecord.read(from: try sample("100"))
        let record = raw.ecgRecord()
        #expect(record.samplingFrequency.hertz == 360)
        #expect(record.leads.map(\.label) == ["MLII", "V5"])
        #expect(record.sampleCount == 650_000)
        for i in [0, 1, 1000, 649_999] {
            #expect(record.leads[0].samples[i] == Float((Double(raw.digital[0][i]) - 1024) / 200))
        }
        #expect(record.leads.allSatisfy { $0.units == "mV" })
    }

    @Test func invalidSamplesBecomeNaN() throws {
        let record = try ECGRecord.readWFDB(at: try sample("100skew"))
        let v5 = record.leads[1].samples
        #expect(v5.suffix(3).allSatisfy { $0.isNaN })   // shifted by the skew past the end
        #expect(!v5[v5.count - 4].isNaN)
        let mixed = try ECGRecord.readWFDB(at: try sample("mixedsignals"))
        #expect(mixed.leads[0].samples[0].isNaN)        // -32768 in format 516
    }

    @Test func multiFrequencySignalsAreAveragedPerFrame() throws {
        let raw = try WFDBRecord.read(from: try sample("03700181"))
        #expect(raw.digital[0].count == 4 * raw.frameCount)
        let record = raw.ecgRecord()
        #expect(record.leads[0].samples.count == raw.frameCount)
        let frame = raw.digital[0][400..<404].map(Double.init).reduce(0, +) / 4
        #expect(abs(Double(record.leads[0].samples[100]) - frame / 2963.77) < 1e-6)
        #expect(record.leads[1].units == "mmHg")
        #expect(record.leads[1].samples[0] == Float((-943.0 + 1605) / 12.84))
        let expected = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: .gmt,
                                      year: 1994, month: 8, day: 15, hour: 17, minute: 27, second: 45).date
        #expect(record.metadata.acquisitionTime == expected)
    }

    @Test func microvoltsBecomeMillivolts() throws {
        let raw = try WFDBRecord.read(from: try sample("test_generator_2"))
        let record = raw.ecgRecord()
        #expect(raw.signals[0].units == "uV")
        #expect(record.leads[0].units == "mV")
        let first = (Double(raw.digital[0][0..<200].map(Int.init).reduce(0, +)) / 200) / 32.7675 / 1000
        #expect(abs(Double(record.leads[0].samples[0]) - first) < 1e-6)
        #expect(record.leads[8].units == "°")   // not a voltage: kept as written
    }

    @Test func checksumsAreVerified() throws {
        let skewed = try WFDBRecord.read(from: try sample("test01_00s_skewframe"))
        #expect(skewed.checksumMismatches.isEmpty)   // computed on the stored, unskewed samples
        let directory = try RealData.temporaryDirectory("checksum")
        try FileManager.default.copyItem(at: try sample("test01_00s.dat"), to: directory.appendingPathComponent("test01_00s.dat"))
        let text = try String(contentsOf: try sample("test01_00s.hea"), encoding: .utf8)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        var fields = lines[2].split(separator: " ").map(String.init)
        fields[6] = String((Int(fields[6]) ?? 0) + 1)
        lines[2] = fields.joined(separator: " ")
        try Data(lines.joined(separator: "\n").utf8).write(to: directory.appendingPathComponent("bad.hea"))
        let record = try WFDBRecord.read(from: directory.appendingPathComponent("bad.hea"))
        #expect(record.checksumMismatches == [1])
        #expect(record.warnings.count == 1)
        #expect(record.warnings.first?.contains("signal 1 (ECG 2)") == true)
        #expect(record.digital.count == 4)   // reported, not fatal
    }

    @Test(.enabled(if: RealData.shouldRun("mimic-layout")))
    func mimicMetadata() throws {
        let url = try RealData.directory("mimic-layout").appendingPathComponent("files/p1707/p17075270/s46175433/46175433")
        let record = try ECGRecord.readWFDB(at: url)
        #expect(record.metadata.recordID == "46175433")
        #expect(record.metadata.subjectID == "17075270")
        #expect(record.metadata.studyID == "46175433")
        #expect(record.metadata.source.hasSuffix("46175433.hea"))
        #expect(record.standardLeads.map(\.lead) == Lead.standard12)
        let expected = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: .gmt,
                                      year: 2177, month: 8, day: 31, hour: 22, minute: 21).date
        #expect(record.metadata.acquisitionTime == expected)
    }

    @Test(.enabled(if: RealData.shouldRun("ptb-xl")))
    func leadsAreRecognisedByName() throws {
        let root = try RealData.directory("ptb-xl")
        let list = try String(contentsOf: root.appendingPathComponent("RECORDS"), encoding: .utf8)
        let first = try #require(list.split(separator: "\n").first)
        let record = try ECGRecord.readWFDB(at: root.appendingPathComponent(String(first)))
        #expect(record[.aVR]?.label == "AVR")
        #expect(record.standardLeads.count == 12)
        #expect(record.duration == Milliseconds(10_000))
    }

    @Test func variableLayoutMultiSegment() throws {
        let record = try WFDBRecord.read(from: try sample("multi-segment/s25047/s25047-2704-05-04-10-44"))
        #expect(record.variableLayoutPhysical != nil)
        let ecg = record.ecgRecord()
        #expect(ecg.leads.map(\.label) == ["II", "V", "ABP"])
        #expect(ecg.sampleCount == 543_240)
        #expect(ecg.leads[0].samples[0..<25740].allSatisfy { $0.isNaN })   // the leading null segment
    }
}
