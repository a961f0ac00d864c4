import Foundation
import Testing
import TestSupport
import WFDB

@Suite struct AnnotationTests {
    @Test func standardCodes() {
        let expected: [(String, Int)] = [("N", 1), ("L", 2), ("R", 3), ("V", 5), ("F", 6), ("A", 8), ("Q", 13),
                                         ("|", 16), ("\"", 22), ("p", 24), ("t", 27), ("+", 28), ("u", 29),
                                         ("(", 39), (")", 40), ("r", 41)]
        for (symbol, code) in expected {
            #expect(WFDBAnnotationCode.code(for: symbol) == code, "\(symbol)")
            #expect(WFDBAnnotationCode.symbol(for: code) == symbol)
        }
        #expect(WFDBAnnotationCode.code(for: "nonsense") == nil)
        #expect(WFDBAnnotationCode.symbol(for: 15) == "[15]")
        #expect(WFDBAnnotation(sample: 1, symbol: "zz") == nil)
    }

    @Test func roundTripKeepsEveryField() throws {
        let annotations: [WFDBAnnotation] = [
            WFDBAnnotation(sample: 18, code: 28, auxiliary: "(N"),
            WFDBAnnotation(sample: 77, code: 1),
            WFDBAnnotation(sample: 1100, code: 5, subtype: -3, channel: 1, number: 7),
            WFDBAnnotation(sample: 1100, code: 39, channel: 1, number: 7, auxiliary: "odd"),
            WFDBAnnotation(sample: 1_000_000, code: 40, channel: 0, number: -2),
            WFDBAnnotation(sample: 999_000, code: 24, auxiliary: "gone backwards"),
            WFDBAnnotation(sample: 10_000_000_000, code: 27, channel: 255),
        ]
        let data = try WFDBAnnotationFile.encode(annotations)
        let back = try WFDBAnnotationFile.parse(data, file: "mem")
        #expect(back == annotations)
        let url = try RealData.temporaryDirectory("ann").appendingPathComponent("x.qrs")
        try WFDBAnnotationFile.write(annotations, to: url)
        #expect(try WFDBAnnotationFile.read(from: url) == annotations)
    }

    @Test func writerRefusesWhatTheFormatCannotHold() {
        #expect(throws: WFDBError.self) { try WFDBAnnotationFile.encode([WFDBAnnotation(sample: 1, code: 0)]) }
        #expect(throws: WFDBError.self) { try WFDBAnnotationFile.encode([WFDBAnnotation(sample: 1, code: 50)]) }
        #expect(throws: WFDBError.self) { try WFDBAnnotationFile.encode([WFDBAnnotation(sample: 1, code: 1, channel: 300)]) }
        #expect(throws: WFDBError.self) {
            try WFDBAnnotationFile.encode([WFDBAnnotation(sample: 1, code: 22, auxiliary: String(repeating: "x", count: 300))])
        }
    }

    /// annot(5)'s own example bytes: N at 18 (interval 18 = 0x12), end marker.
    @Test func bytesFollowAnnot5() throws {
        let data = try WFDBAnnotationFile.encode([WFDBAnnotation(sample: 18, code: 1)])
        #expect(Array(data) == [0x12, 0x04, 0x00, 0x00])
        let skip = try WFDBAnnotationFile.encode([WFDBAnnotation(sample: 70000, code: 1)])
        // SKIP (59 << 10), high word 0x0001, low word 0x1170 (70000 = 0x11170), then N with 0.
        #expect(Array(skip) == [0x00, 0xEC, 0x01, 0x00, 0x70, 0x11, 0x00, 0x04, 0x00, 0x00])
    }

    @Test(.enabled(if: RealData.shouldRun("wfdb-sample")))
    func hugeSamplePositions() throws {
        let url = try RealData.directory("wfdb-sample").appendingPathComponent("huge.qrs")
        let annotations = try WFDBAnnotationFile.read(from: url)
        #expect(annotations.first?.sample == 10_000_000_000)
        let back = try WFDBAnnotationFile.parse(try WFDBAnnotationFile.encode(annotations), file: "mem")
        #expect(back == annotations)
    }

    @Test(.enabled(if: RealData.shouldRun("mitdb")))
    func realFileSurvivesRewriting() throws {
        let url = try RealData.directory("mitdb").appendingPathComponent("100.atr")
        let annotations = try WFDBAnnotationFile.read(from: url)
        #expect(annotations.count > 2000)
        #expect(annotations.contains { $0.auxiliary != nil })
        let back = try WFDBAnnotationFile.parse(try WFDBAnnotationFile.encode(annotations), file: "mem")
        #expect(back == annotations)
    }

    @Test(.enabled(if: RealData.shouldRun("ludb")))
    func ludbPerLeadFiles() throws {
        let url = try RealData.directory("ludb").appendingPathComponent("data/1.ii")
        let annotations = try WFDBAnnotationFile.read(from: url)
        let symbols = Set(annotations.map(\.symbol))
        #expect(symbols.isSubset(of: ["p", "N", "t", "(", ")"]))
        #expect(symbols.contains("(") && symbols.contains(")") && symbols.contains("N"))
        #expect(annotations.map(\.sample) == annotations.map(\.sample).sorted())
    }
}
