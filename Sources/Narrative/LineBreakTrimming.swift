extension Narrator {
    /// `text` without the line breaks at its start and end: what Foundation's
    /// `trimmingCharacters(in: .newlines)` gives (U+000A–U+000D, U+0085, U+2028, U+2029),
    /// without its detour through `NSString`, which cost a conversion a few percent of its time.
    public static func trimmingLineBreaks(_ text: String) -> String {
        func isLineBreak(_ s: Unicode.Scalar) -> Bool {
            (0x0A...0x0D).contains(s.value) || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029
        }
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, isLineBreak(first) { scalars.removeFirst() }
        while let last = scalars.last, isLineBreak(last) { scalars.removeLast() }
        return String(scalars)
    }
}
