import ECGModel
import Foundation
import Testing
import WFDB

/// The corrupted-data suite: each test damages a valid `Signals/` record in one way and
/// expects either the correct reading or an error that names the file (and header line).
@Suite struct CorruptedWFDBTests {
    let scratch: Scratch
    let header: URL
    init() throws {
        scratch = try Scratch()
        header = try scratch.copy("sinus-normal")
    }

    func readError(_ url: URL? = nil) -> WFDBError? {
        do {
            _ = try WFDBRecord.read(from: url ?? header)
            return nil
        } catch let error as WFDBError {
            return error
        } catch {
            Issue.record("not a WFDBError: \(error)")
            return nil
        }
    }

    @Test func truncatedSignalFileIsRefusedNamingTheFile() throws {
        defer { scratch.remove() }
        let dat = scratch.url("sinus-normal.dat")
        let bytes = try Data(contentsOf: dat)
        try bytes.prefix(bytes.count / 2 + 1).write(to: dat)
        let error = try #require(readError())
        #expect(error.kind == .truncatedSignalFile)
        #expect(error.description.contains(dat.path))
        #expect(error.message.contains("5000"), "names the declared frame count: \(error)")
    }

    @Test func unknownFormatNumberIsRefused() throws {
        defer { scratch.remove() }
        try scratch.write(try scratch.text("sinus-normal.hea").replacingOccurrences(of: ".dat 16 ", with: ".dat 17 "),
                          to: "sinus-normal.hea")
        let error = try #require(readError())
        #expect(error.kind == .unsupportedFormat)
        #expect(error.description.contains(header.path))
        #expect(error.description.contains("signal 0 (I) has unknown format 17"), "\(error)")
    }

    @Test func formatChangedOnOneSignalOfASharedFileIsRefused() throws {
        defer { scratch.remove() }
        try scratch.editHeaderLine("sinus-normal.hea", 3) { $0.replacingOccurrences(of: ".dat 16 ", with: ".dat 212 ") }
        let error = try #require(readError())
        #expect(error.kind == .unsupportedFormat)
        #expect(error.description.contains(header.path))
        #expect(error.description.contains("16 and 212"), "\(error)")
    }

    @Test func gainZeroMeansTheDefault200() throws {
        defer { scratch.remove() }
        try scratch.editHeaderLine("sinus-normal.hea", 1) { $0.replacingOccurrences(of: "1000(0)/mV", with: "0(0)/mV") }
        let record = try WFDBRecord.read(from: header)
        #expect(record.signals[0].adcGain == 200)
        #expect(!record.signals[0].gainWasGiven)
        let leadI = try #require(record.ecgRecord().leads.first)
        let digital = record.digital[0]
        let i = try #require(digital.indices.first { digital[$0] != 0 })
        #expect(abs(Double(leadI.samples[i]) - Double(digital[i]) / 200) < 1e-5)
    }

    @Test func negativeSampleCountIsAMalformedRecordLine() throws {
        defer { scratch.remove() }
        try scratch.editHeaderLine("sinus-normal.hea", 0) { _ in "sinus-normal 12 500 -5000" }
        let error = try #require(readError())
        #expect(error.kind == .malformedHeader)
        #expect(error.line == 1)
        #expect(error.description.contains("\(header.path):1"), "\(error)")
    }

    @Test func nonUTF8CommentsAreReadAsLatin1() throws {
        defer { scratch.remove() }
        var bytes = [UInt8](try Data(contentsOf: header))
        bytes += Array("# patient: Jos".utf8) + [0xE9] + Array("\n".utf8)
        try scratch.write(bytes, to: "sinus-normal.hea")
        let record = try WFDBRecord.read(from: header)
        #expect(record.header.comments.contains { $0.contains("José") }, "\(record.header.comments)")
        #expect(record.frameCount == 5000)
    }

    @Test func crlfHeaderReadsLikeLF() throws {
        defer { scratch.remove() }
        let lf = try WFDBRecord.read(from: header)
        try scratch.write(try scratch.text("sinus-normal.hea").replacingOccurrences(of: "\n", with: "\r\n"), to: "sinus-normal.hea")
        let crlf = try WFDBRecord.read(from: header)
        #expect(crlf.digital == lf.digital)
        #expect(crlf.header.signalNames == lf.header.signalNames)
        #expect(crlf.header.comments == lf.header.comments)
        #expect(!crlf.header.signalNames.contains { $0.contains("\r") })
    }

    @Test func missingSignalFileIsNamed() throws {
        defer { scratch.remove() }
        try FileManager.default.removeItem(at: scratch.url("sinus-normal.dat"))
        let error = try #require(readError())
        #expect(error.kind == .missingFile)
        #expect(error.description.contains("sinus-normal.dat"))
    }

    @Test func duplicatedLeadNamesKeepEverySignal() throws {
        defer { scratch.remove() }
        try scratch.editHeaderLine("sinus-normal.hea", 2) { $0.replacingOccurrences(of: " II", with: " I") }
        let record = try WFDBRecord.read(from: header)
        let ecg = record.ecgRecord()
        #expect(ecg.leads.count == 12)
        #expect(ecg.leads.filter { $0.label == "I" }.count == 2)
        // The two "I" signals keep their own samples (the file's lead I and lead II).
        #expect(ecg.leads[0].samples != ecg.leads[1].samples)
    }

    @Test func samplingFrequencyZeroIsTheDefault250() throws {
        defer { scratch.remove() }
        try scratch.editHeaderLine("sinus-normal.hea", 0) { _ in "sinus-normal 12 0 5000" }
        let record = try WFDBRecord.read(from: header)
        #expect(record.header.samplingFrequency == 250)
    }

    @Test(arguments: ["-500", "nan", "inf", "1e400", "abc"])
    func badSamplingFrequencyIsRefusedOnLine1(_ field: String) throws {
        defer { scratch.remove() }
        try scratch.editHeaderLine("sinus-normal.hea", 0) { _ in "sinus-normal 12 \(field) 5000" }
        let error = try #require(readError())
        #expect(error.kind == .malformedHeader)
        #expect(error.line == 1, "\(error)")
    }

    @Test func absurdSamplingFrequencyIsRefused() throws {
        defer { scratch.remove() }
        try scratch.editHeaderLine("sinus-normal.hea", 0) { _ in "sinus-normal 12 1e12 5000" }
        let error = try #require(readError())
        #expect(error.line == 1, "\(error)")
        #expect(error.description.contains("sampling frequency"))
    }

    @Test func allZeroSignalFileReadsAsZeroMillivolts() throws {
        defer { scratch.remove() }
        try scratch.write([UInt8](repeating: 0, count: 12 * 5000 * 2), to: "sinus-normal.dat")
        let record = try WFDBRecord.read(from: header)
        #expect(record.checksumMismatches.count == 12, "every stored checksum is of the real signal")
        #expect(record.ecgRecord().leads.allSatisfy { $0.samples.allSatisfy { $0 == 0 } })
    }

    @Test func tooManySignalsAreRefusedByTheLimit() throws {
        defer { scratch.remove() }
        let error: WFDBError? = {
            do { _ = try WFDBRecord.read(from: header, limits: ReadLimits(maximumSignals: 8)); return nil }
            catch { return error as? WFDBError }
        }()
        let refused = try #require(error)
        #expect(refused.kind == .limitExceeded)
        #expect(refused.description.contains(header.path))
    }

    @Test func overlongHeaderLineIsRefused() throws {
        defer { scratch.remove() }
        try scratch.editHeaderLine("sinus-normal.hea", 13) { $0 + String(repeating: "x", count: 70_000) }
        let error = try #require(readError())
        #expect(error.kind == .limitExceeded)
        #expect(error.line == 14, "\(error)")
    }
}
