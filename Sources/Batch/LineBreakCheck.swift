/// Whether a text holds a line break, checked on its UTF-8 bytes.
///
/// Output lines are checked for line breaks before they are written; asking each Character
/// `isNewline` walks the text grapheme by grapheme, which cost a conversion about a percent of
/// its time on its narratives. A Character is a line break when its first scalar is U+000A–U+000D,
/// U+0085, U+2028 or U+2029, and each of those always starts a grapheme (they are controls or
/// separators), so a text holds a line-break Character exactly when its bytes hold one of them.
enum LineBreakCheck {
    static func containsLineBreak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x0A...0x0D: return true
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: return true
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    return true
                default: i += 1
                }
            }
            return false
        }
    }
}
