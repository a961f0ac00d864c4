import Datasets
import Detection
import ECGModel
import Foundation
import Synthesis
import Testing
import WFDB

/// A 24-hour record, symbolic links out of the record's directory, and the CSV reader.
@Suite(.serialized) struct LongRecordAndPathTests {
    /// Writes a 24-hour single-lead format-16 record at 250 Hz: ten synthetic seconds of
    /// lead II repeated 8,640 times (21.6 million samples, 43 MB).
    func writeDayLongRecord(in scratch: Scratch) throws -> (header: URL, beatsPerTenSeconds: Int) {
        let (ten, truth) = try SyntheticECG(samplingFrequency: SamplingFrequency(hertz: 250), heartRate: 60, seed: 11).generate()
        let lead = try #require(ten[.ii]).samples
        var block = [UInt8]()
        for v in lead {
            let d = Int16(clamping: Int((v * 200).rounded()))
            block += [UInt8(truncatingIfNeeded: d), UInt8(truncatingIfNeeded: d >> 8)]
        }
        let repeats = 8640
        var file = [UInt8]()
        file.reserveCapacity(block.count * repeats)
        for _ in 0..<repeats { file += block }
        try scratch.write(file, to: "holter.dat")
        try scratch.write("holter 1 250 \(lead.count * repeats)\nholter.dat 16 200/mV 16 0 0 0 0 II\n", to: "holter.hea")
        return (scratch.url("holter.hea"), truth.beats.count)
    }

    @Test func dayLongRecordIsRefusedByASmallerLimitNamingTheHeader() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (header, _) = try writeDayLongRecord(in: scratch)
        let oneHour = ReadLimits(maximumTotalSamples: 250 * 3600)
        do {
            _ = try WFDBRecord.read(from: header, limits: oneHour)
            Issue.record("a 24-hour record was read under a one-hour limit")
        } catch let error as WFDBError {
            #expect(error.kind == .limitExceeded)
            #expect(error.description.contains(header.path))
            #expect(error.description.contains("21600000"), "\(error)")
        }
    }

    @Test func dayLongRecordReadsAndDetectsUnderTheDefaultLimits() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (header, beatsPerTenSeconds) = try writeDayLongRecord(in: scratch)
        let record = try WFDBRecord.read(from: header).ecgRecord()
        #expect(record.sampleCount == 21_600_000)
        let detections = try QRSDetector().detect(record)
        let expected = beatsPerTenSeconds * 8640
        #expect(abs(detections.samples.count - expected) <= expected / 100,
                "\(detections.samples.count) beats for \(expected) expected")
    }

    @Test func symbolicLinkOutOfTheRecordDirectoryIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outside = try Scratch()
        defer { outside.remove() }
        let header = try scratch.copy("sinus-normal")
        try FileManager.default.moveItem(at: scratch.url("sinus-normal.dat"), to: outside.url("secret.dat"))
        try FileManager.default.createSymbolicLink(at: scratch.url("sinus-normal.dat"), withDestinationURL: outside.url("secret.dat"))
        do {
            _ = try WFDBRecord.read(from: header)
            Issue.record("followed a link out of the record's directory")
        } catch let error as WFDBError {
            #expect(error.kind == .unsafePath)
            #expect(error.description.contains(header.path))
            #expect(error.description.contains("sinus-normal.dat"))
        }
    }

    @Test func symbolicLinkInsideTheRecordDirectoryIsFollowed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let header = try scratch.copy("sinus-normal")
        let original = try WFDBRecord.read(from: header)
        try FileManager.default.moveItem(at: scratch.url("sinus-normal.dat"), to: scratch.url("data.bin"))
        try FileManager.default.createSymbolicLink(atPath: scratch.url("sinus-normal.dat").path, withDestinationPath: "data.bin")
        #expect(try WFDBRecord.read(from: header).digital == original.digital)
    }

    @Test(arguments: ["/etc/passwd", "../sinus-normal.dat", "a/../../x.dat", "~/x.dat"])
    func signalFileNamesLeavingTheDirectoryAreRefused(_ name: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let header = try scratch.copy("sinus-normal")
        try scratch.write(try scratch.text("sinus-normal.hea").replacingOccurrences(of: "sinus-normal.dat ", with: "\(name) "),
                          to: "sinus-normal.hea")
        do {
            _ = try WFDBRecord.read(from: header)
            Issue.record("read \(name)")
        } catch let error as WFDBError {
            #expect(error.kind == .unsafePath, "\(error)")
            #expect(error.description.contains(header.path))
        }
    }

    @Test func recordListWithAnUnterminatedQuoteNamesFileAndLine() throws {
        let csv = "subject_id,study_id,path\n1,2,files/p1/s2/2\n3,\"4,files/p3/s4/4\n"
        do {
            _ = try CSVTable(data: Data(csv.utf8), file: "record_list.csv")
            Issue.record("accepted an unterminated quote")
        } catch let error as DatasetError {
            #expect(error.file == "record_list.csv")
            #expect(error.line == 3, "\(error)")
        }
    }

    @Test func recordListLineOverTheLimitIsRefused() throws {
        let csv = "subject_id,study_id,path\n1,2," + String(repeating: "p", count: 5000) + "\n"
        do {
            _ = try CSVTable(data: Data(csv.utf8), file: "record_list.csv", limits: ReadLimits(maximumLineLength: 1024))
            Issue.record("accepted a 5000-byte line under a 1024-byte limit")
        } catch let error as DatasetError {
            #expect(error.line == 2, "\(error)")
        }
    }
}
