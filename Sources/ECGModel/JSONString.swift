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
        return text.utf8.withContiguousStorageIfAvailable { escaped($0) } ?? escaped(Array(text.utf8))
    }

    /// `{"key":value,…}` on one line, keys in the order given, from already-encoded values.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { literal($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
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
