import ECGModel
import Foundation
import Testing

@Suite struct JSONStringTests {
    @Test func escapesWhatJSONAndJSONLinesNeed() {
        #expect(JSONString.literal("") == "\"\"")
        #expect(JSONString.literal("a \"b\" \\ c") == #""a \"b\" \\ c""#)
        #expect(JSONString.literal("1\n2\r3\t4\u{1}5\u{1F}") == #""1\n2\r3\t4\u00015\u001f""#)
        #expect(JSONString.literal("心电图 QTc 450 ms, −30°") == "\"心电图 QTc 450 ms, −30°\"")
        #expect(JSONString.literal("a\u{2028}b\u{2029}c\u{85}d") == #""a\u2028b\u2029c\u0085d""#)
        // Neighbours of the separators' UTF-8 bytes are kept as they are.
        #expect(JSONString.literal("\u{2027}\u{202A}\u{84}\u{86}") == "\"\u{2027}\u{202A}\u{84}\u{86}\"")
    }

    @Test func objectsKeepTheKeyOrderGivenOnOneLine() {
        #expect(JSONString.object([]) == "{}")
        #expect(JSONString.object([("b", "1"), ("a \"q\"", "[2,\"x\"]"), ("ß", "null")])
                == #"{"b":1,"a \"q\"":[2,"x"],"ß":null}"#)
    }

    @Test func roundTripsThroughJSONSerializationAndStaysOnOneLine() throws {
        // A fixed-seed linear congruential sequence: the same 300 strings on every run.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{7}", "\u{1F}",
                                     "é", "心", "😀", "\u{85}", "\u{2028}", "\u{2029}", "\r\n", "−"]
        for _ in 0..<300 {
            let text = String((0..<next(41)).map { _ in alphabet[next(alphabet.count)] })
            let literal = JSONString.literal(text)
            #expect(!literal.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 })
            let decoded = try JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as? [String]
            #expect(decoded == [text])
        }
    }
}
