import Foundation
import Testing
@testable import WFDB

@Suite struct WhitespaceTrimmingTests {
    /// The subject id in a header comment is trimmed as Foundation's `.whitespaces` would.
    @Test func trimsAsFoundationWhitespaces() {
        let texts = ["", " ", "42", "  42 ", "\t42\t", "\u{A0}42\u{3000}", "42 43 ", " \n42\n ", "\u{2028}42",
                     " e\u{301} ", "\u{200B}42", "\u{1680}\u{2009}42\u{202F}\u{205F}", " 心率 "]
        for text in texts {
            let expected = text.trimmingCharacters(in: .whitespaces)
            #expect(WFDBRecord.trimmingWhitespace(Substring(text)) == expected, "\(text.debugDescription)")
        }
    }

    /// Every scalar of the Basic Multilingual Plane (surrogates aside), around a digit.
    @Test func agreesWithFoundationOnEveryBMPScalar() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)\(scalar)7\(scalar)"
            if WFDBRecord.trimmingWhitespace(Substring(text)) != text.trimmingCharacters(in: .whitespaces) {
                disagreements.append(value)
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
    }
}
