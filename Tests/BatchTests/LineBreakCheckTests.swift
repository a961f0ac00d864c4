import Testing
@testable import Batch

@Suite struct LineBreakCheckTests {
    @Test func findsExactlyTheCharactersThatAreLineBreaks() {
        let texts = ["", "plain text", "a\nb", "a\r\nb", "end\r", "\u{0B}", "\u{0C}", "nel\u{85}x", "ls\u{2028}", "ps\u{2029}",
                     "e\u{301}\u{85}", "\u{2027}\u{202A}\u{84}\u{86}", "心率 75 次/分", "tab\there", "\u{1F600}",
                     "\u{0A}\u{301}", "\u{C2}"]
        for text in texts {
            #expect(LineBreakCheck.containsLineBreak(text) == text.contains(where: \.isNewline), "\(text.debugDescription)")
        }
    }
}
