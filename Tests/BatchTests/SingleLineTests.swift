import Testing
@testable import Batch

@Suite struct SingleLineTests {
    /// The byte pre-check only skips work: the result is always the character-wise replacement
    /// of tabs and line breaks by spaces.
    @Test func equalsTheCharacterWiseReplacement() {
        let texts = ["", "plain {\"json\": [1, 2]}", "a\nb", "a\r\nb", "tab\there", "\u{0B}\u{0C}", "nel\u{85}x",
                     "ls\u{2028}ps\u{2029}", "é and ü (0xC3)", "\u{A0}nbsp starts with 0xC2", "\u{2026} ellipsis (0xE2)",
                     "心率 75 次/分", "\u{1F600}", "e\u{301}\n\u{301}"]
        for text in texts {
            let expected = String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
            #expect(BatchConverter.singleLine(text) == expected, "\(text.debugDescription)")
        }
    }
}
