import ECGModel
import Foundation
import Testing
import WFDB

/// Hand-written hostile headers, each refused with an error on the line that causes it.
/// (Fuzzing found no crash; inputs it finds later go here, as regressions.)
@Suite struct HostileHeaderTests {
    static let cases: [(text: String, line: Int?)] = [
        ("r 1 250 10\nr.dat 16x999999999 200 16 0 0 0 0 I\n", nil),  // refused by the sample limit
        ("r 1 250 10\nr.dat 16:99999999999 200 16 0 0 0 0 I\n", 2),
        ("r 1 250 10\nr.dat 16+99999999999999999999 200 16 0 0 0 0 I\n", 2),
        ("r 3 250 10\nr.dat 16 200 16 0 0 0 0 I\n", nil),
        ("r 99999999999999999999 250 10\n", 1),
        ("r/999999999 1 250 10\n", 1),
        ("r 1 250/0 10\n", 1),
        ("r 1 250 10\nr.dat 16 nan/mV 16 0 0 0 0 I\n", 2),
        ("r 1 250 10\nr.dat 16 1e999 16 0 0 0 0 I\n", 2),
        ("\u{0}\u{0}\u{0}", nil),
        ("", nil),
    ]

    @Test(arguments: 0..<cases.count)
    func hostileHeaderIsRefused(_ index: Int) throws {
        let (text, line) = Self.cases[index]
        let limits = ReadLimits(maximumTotalSamples: 1 << 24, maximumSignals: 64)
        let error = try #require(throws: WFDBError.self) {
            let header = try WFDBHeader.parse(text, file: "hostile.hea", limits: limits)
            // A header that parses must still be refused when read as a record.
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-h-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try Data(text.utf8).write(to: dir.appendingPathComponent("hostile.hea"))
            _ = header
            _ = try WFDBRecord.read(from: dir.appendingPathComponent("hostile.hea"), limits: limits)
        }
        #expect(error.description.contains("hostile.hea"))
        if let line { #expect(error.line == line, "\(error)") }
    }

    @Test func declaredSampleCountOverTheLimitIsRefusedBeforeAllocating() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("r 1 250 9223372036854775807\nr.dat 16 200 16 0 0 0 0 I\n", to: "r.hea")
        try scratch.write([0, 0, 0, 0], to: "r.dat")
        let error = try #require(throws: WFDBError.self) { try WFDBRecord.read(from: scratch.url("r.hea")) }
        #expect(error.kind == .limitExceeded || error.kind == .malformedHeader, "\(error)")
        #expect(error.description.contains(scratch.url("r.hea").path))
    }
}
