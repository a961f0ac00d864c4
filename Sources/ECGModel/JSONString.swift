/// JSON string literals written by hand, for outputs whose key order and number formatting
/// must be fixed (so that files diff cleanly and are byte-identical between runs).
public enum JSONString {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// every other character (non-ASCII included) kept as it is.
    ///
    /// Line and paragraph separators (U+0085, U+2028, U+2029) are valid inside JSON strings,
    /// but line-oriented readers split on them; escaped, a JSON Lines record stays on one line
    /// for all of them. Works on UTF-8 bytes: whole narratives go through here for every record.
    public static func literal(_ text: String) -> String {
        var text = text
        text.makeContiguousUTF8()
        // Keys and most values need no escape: then the text is only quoted.
        if text.utf8.withContiguousStorageIfAvailable({ !needsEscape($0) }) == true { return "\"" + text + "\"" }
        return text.utf8.withContiguousStorageIfAvailable { escaped($0) } ?? escaped(Array(text.utf8))
    }

    /// `{"key":value,…}` on one line, keys in the order given, from already-encoded values.
    public static func object(_ pairs: [(String, String)]) -> String {
        // One growing string rather than a string per pair and their join.
        var out = "{"
        out.reserveCapacity(pairs.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 })
        for (index, (key, value)) in pairs.enumerated() {
            if index > 0 { out += "," }
            out += literal(key)
            out += ":"
            out += value
        }
        out += "}"
        return out
    }

    /// Whether any byte of `bytes` is escaped by ``literal(_:)``: a quote, a backslash, a
    /// control character, or the lead byte of U+0085, U+2028 or U+2029 (0xC2, 0xE2; a false
    /// alarm on other characters with those lead bytes only costs the escaping pass).
    private static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xC2 || b == 0xE2 { return true }
        return false
    }

    private static func escaped<C: RandomAccessCollection>(_ bytes: C) -> String where C.Element == UInt8, C.Index == Int {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        out.append(0x22)
        var i = bytes.startIndex
        let end = bytes.endIndex
        func hexEscape(_ value: UInt32) {
            let digits = Array("0123456789abcdef".utf8)
            out += [0x5C, 0x75]
            for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((value >> UInt32(shift)) & 0xF)]) }
        }
        while i < end {
            let b = bytes[i]
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20: hexEscape(UInt32(b))
            case 0xC2 where i + 1 < end && bytes[i + 1] == 0x85:
                hexEscape(0x85)
                i += 1
            case 0xE2 where i + 2 < end && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                hexEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
