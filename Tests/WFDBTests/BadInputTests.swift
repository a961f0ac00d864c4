import ECGModel
import Foundation
import Testing
import TestSupport
@testable import WFDB

/// Corrupt and hostile records, built in a temporary directory from valid bytes: each must be
/// refused with a clear error naming the file, never a crash or a silent partial read.
@Suite(.enabled(if: RealData.shouldRun("mitdb")))
struct BadInputTests {
    let mitdb: URL
    let directory: URL

    init() throws {
        mitdb = try RealData.directory("mitdb")
        directory = try RealData.temporaryDirectory("wfdb-bad")
    }

    /// The first `bytes` bytes of mitdb 100.dat (format 212, two signals: 3 bytes per frame).
    func copy100(bytes: Int? = nil, as name: String = "x.dat", into folder: URL? = nil) throws {
        let data = try Data(contentsOf: mitdb.appendingPathComponent("100.dat"))
        try data.prefix(bytes ?? data.count).write(to: (folder ?? directory).appendingPathComponent(name))
    }

    func header(_ text: String, name: String = "x") throws -> URL {
        let url = directory.appendingPathComponent(name + ".hea")
        try Data(text.utf8).write(to: url)
        return url
    }

    func refusal(_ url: URL, limits: ReadLimits = .default) throws -> WFDBError {
        try #require(throws: WFDBError.self) { try WFDBRecord.read(from: url, limits: limits) }
    }

    @Test func truncatedSignalFile() throws {
        try copy100(bytes: 3000)
        let error = try refusal(try header("x 2 360 650000\nx.dat 212 200 11 1024 995 -22131 0 MLII\nx.dat 212 200 11 1024 1011 20052 0 V5\n"))
        #expect(error.kind == .truncatedSignalFile)
        #expect(error.file.hasSuffix("x.dat"))
        #expect(error.description.contains("1000 frames"))
    }

    @Test func moreSamplesThanTheFileHolds() throws {
        try copy100()
        let error = try refusal(try header("x 2 360 650001\nx.dat 212 200 11 1024 995 -22131 0 MLII\nx.dat 212 200 11 1024 1011 20052 0 V5\n"))
        #expect(error.kind == .truncatedSignalFile)
    }

    @Test func missingSignalFile() throws {
        let error = try refusal(try header("x 1 360 100\nnothere.dat 16 200 11 0 0 0 0 I\n"))
        #expect(error.kind == .missingFile)
        #expect(error.file.hasSuffix("nothere.dat"))
    }

    @Test func missingHeader() throws {
        let error = try refusal(directory.appendingPathComponent("absent"))
        #expect(error.kind == .missingFile)
        #expect(error.file.hasSuffix("absent.hea"))
    }

    @Test func unknownFormat() throws {
        try copy100()
        let error = try refusal(try header("x 1 360 100\nx.dat 999 200 11 0 0 0 0 I\n"))
        #expect(error.kind == .unsupportedFormat)
        #expect(error.description.contains("999"))
    }

    @Test func formatsDifferWithinOneFile() throws {
        try copy100()
        let error = try refusal(try header("x 2 360 100\nx.dat 212 200\nx.dat 16 200\n"))
        #expect(error.kind == .unsupportedFormat)
    }

    @Test(arguments: ["../x.dat", "/etc/passwd", "sub/../../x.dat", "~/x.dat", "a//b.dat"])
    func fileNamesLeavingTheDirectoryAreRefused(name: String) throws {
        // Make the escaping target exist, so the refusal cannot be a mere "not found".
        let inner = directory.appendingPathComponent("inner")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try copy100()
        let url = inner.appendingPathComponent("x.hea")
        try Data("x 2 360 100\n\(name) 212 200\n\(name) 212 200\n".utf8).write(to: url)
        let error = try refusal(url)
        #expect(error.kind == .unsafePath)
        #expect(error.description.contains(name))
    }

    @Test func absurdLengthIsRefusedBeforeAllocating() throws {
        try copy100()
        let url = try header("x 2 360 1000000000000\nx.dat 212 200\nx.dat 212 200\n")
        let clock = ContinuousClock()
        var error: WFDBError?
        let elapsed = try clock.measure { error = try refusal(url) }
        #expect(error?.kind == .limitExceeded)
        #expect(elapsed < .seconds(1))
    }

    @Test func callerLimitsApply() throws {
        try copy100()
        let url = try header("x 2 360 650000\nx.dat 212 200\nx.dat 212 200\n")
        let error = try refusal(url, limits: ReadLimits(maximumTotalSamples: 1_000_000))
        #expect(error.kind == .limitExceeded)
        let record = try WFDBRecord.read(from: url, limits: ReadLimits(maximumTotalSamples: 1_300_000))
        #expect(record.frameCount == 650_000)
    }

    @Test func emptyRecordIsRefused() throws {
        try Data().write(to: directory.appendingPathComponent("e.dat"))
        let error = try refusal(try header("e 1 360\ne.dat 16 200\n", name: "e"))
        #expect(error.kind == .malformedHeader)
        #expect(error.description.contains("no samples"))
    }

    @Test func malformedHeaderLineIsReportedWithItsLine() throws {
        try copy100()
        let error = try refusal(try header("# x\nx 2 360 100\nx.dat 212 200\nx.dat 212 2OO/mV\n"))
        #expect(error.kind == .malformedHeader)
        #expect(error.line == 4)
        #expect(error.description.contains("x.hea:4:"))
    }

    @Test(.enabled(if: RealData.shouldRun("wfdb-sample")))
    func corruptFLACFile() throws {
        try copy100(bytes: 2000, as: "f.dat")
        let error = try refusal(try header("f 1 200 100\nf.dat 516 200\n", name: "f"))
        #expect(error.kind == .flac)
        #expect(error.file.hasSuffix("f.dat"))
    }

    @Test(.enabled(if: RealData.shouldRun("wfdb-sample")))
    func flacChannelCountMustMatchTheHeader() throws {
        let source = try RealData.directory("wfdb-sample").appendingPathComponent("flacformats.d1")
        try FileManager.default.copyItem(at: source, to: directory.appendingPathComponent("g.dat"))
        let error = try refusal(try header("g 2 200 100\ng.dat 516 200\ng.dat 516 200\n", name: "g"))
        #expect(error.kind == .flac)
        #expect(error.description.contains("channels"))
        let truncated = try Data(contentsOf: source).prefix(200)
        try truncated.write(to: directory.appendingPathComponent("h.dat"))
        let short = try refusal(try header("h 1 200 499\nh.dat 516 200\n", name: "h"))
        #expect(short.kind == .truncatedSignalFile || short.kind == .flac)
    }

    @Test func multiSegmentWithMissingSegment() throws {
        try copy100()
        _ = try header("s1 2 360 1000\nx.dat 212 200\nx.dat 212 200\n", name: "s1")
        let url = try header("m/2 2 360 2000\ns1 1000\ns2 1000\n", name: "m")
        let error = try refusal(url)
        #expect(error.kind == .missingFile)
        #expect(error.file.hasSuffix("s2.hea"))
        let escaping = try header("n/2 2 360 2000\ns1 1000\n../s1 1000\n", name: "n")
        #expect(try refusal(escaping).kind == .unsafePath)
        let inconsistent = try header("o/2 2 360 3000\ns1 1000\ns1 1000\n", name: "o")
        #expect(try refusal(inconsistent).kind == .inconsistentSegments)
        let fine = try WFDBRecord.read(from: try header("p/3 2 360 2500\ns1 1000\n~ 500\ns1 1000\n", name: "p"))
        #expect(fine.frameCount == 2500)
        #expect(fine.digital[0][1000..<1500].allSatisfy { $0 == -2048 })
        #expect(Array(fine.digital[1][0..<1000]) == Array(fine.digital[1][1500..<2500]))
    }

    @Test func corruptAnnotationFiles() throws {
        let skipAtEnd = Data([0x00, 0xEC, 0x00])   // SKIP word with no interval after it
        #expect(throws: WFDBError.self) { try WFDBAnnotationFile.parse(skipAtEnd + Data([0, 0]), file: "a.atr") }
        let auxPastEnd = Data([0x05, 0x04, 0x20, 0xFC, 0x41, 0x42, 0, 0])  // N, then AUX of 32 bytes
        let error = try #require(throws: WFDBError.self) { try WFDBAnnotationFile.parse(auxPastEnd, file: "a.atr") }
        #expect(error.kind == .malformedAnnotations)
        #expect(error.file == "a.atr")
        var many = Data()
        for _ in 0..<100 { many.append(contentsOf: [0x01, 0x04]) }
        many.append(contentsOf: [0, 0])
        let limited = try #require(throws: WFDBError.self) {
            try WFDBAnnotationFile.parse(many, file: "a.atr", limits: ReadLimits(maximumAnnotations: 10))
        }
        #expect(limited.kind == .limitExceeded)
        #expect(try WFDBAnnotationFile.parse(many, file: "a.atr").count == 100)
    }
}
