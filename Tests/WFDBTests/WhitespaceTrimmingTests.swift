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

@Suite struct SubjectTagTests {
    /// The byte search finds what `firstRange(of:)` finds, on whole characters only.
    @Test func agreesWithFirstRange() {
        let comments = ["<subject_id>: 42", "<subject_id>:\u{301} 42", "<subject_id\u{301}>: 42", "e\u{301}<subject_id>: 42",
                        "<<subject_id>: 7", "\u{301}<subject_id>: 9", "<subject_id>:", "", "<subject_id>", "age: 60",
                        "\u{600}<subject_id>: 5", "<subject_id>:\u{301}<subject_id>: 8", "x <subject_id>:\t12 \u{3000}",
                        "心率<subject_id>: 3", "<subject_id>: 1 <subject_id>: 2", "<SUBJECT_ID>: 4"]
        for comment in comments {
            let expected = comment.firstRange(of: "<subject_id>:").map { String(comment[$0.upperBound...]) }
            #expect(WFDBRecord.textAfterSubjectTag(comment).map(String.init) == expected, "\(comment.debugDescription)")
        }
    }
}
