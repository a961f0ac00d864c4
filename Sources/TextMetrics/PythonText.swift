/// The string primitives the reference Python implementations rely on, reproduced exactly.
///
/// Python compares and slices strings by Unicode code point and never normalizes, whereas Swift's
/// `String` compares by canonical equivalence and iterates by grapheme cluster. Every metric here
/// therefore works on code points (`unicodeScalars`) or UTF-8 bytes, so that two tokens are equal
/// exactly when Python says they are.
public enum PythonText {
    /// Python's `str.lower()`: the full Unicode lower-case mapping of each code point, with the
    /// one context rule Python applies (a capital sigma that ends a word becomes `ς`).
    public static func lower(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(text.utf8)
            for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if scalar.value == 0x03A3 {
                out.append(isFinalSigma(scalars, at: i) ? "\u{03C2}" : "\u{03C3}")
                continue
            }
            if scalar.properties.changesWhenLowercased {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Unicode's Final_Sigma condition, as CPython's `str.lower()` tests it.
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var j = index - 1
        while j >= 0, scalars[j].properties.isCaseIgnorable { j -= 1 }
        guard j >= 0, scalars[j].properties.isCased else { return false }
        var k = index + 1
        while k < scalars.count, scalars[k].properties.isCaseIgnorable { k += 1 }
        return !(k < scalars.count && scalars[k].properties.isCased)
    }

    /// Python's `str.isspace()` for one code point (bidirectional class WS, B or S, or category Zs).
    @inlinable
    public static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Python's `str.split()` with no argument: split on runs of whitespace, drop empty pieces.
    public static func split(_ text: String) -> [String] {
        var tokens: [String] = []
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var start: String.UTF8View.Index? = nil
            let utf8 = text.utf8
            var i = utf8.startIndex
            while i != utf8.endIndex {
                if isSpace(UInt32(utf8[i])) {
                    if let s = start { tokens.append(String(text[s..<i])); start = nil }
                } else if start == nil {
                    start = i
                }
                i = utf8.index(after: i)
            }
            if let s = start { tokens.append(String(text[s..<utf8.endIndex])) }
            return tokens
        }
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isSpace(scalar.value) {
                if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    /// Whether two strings hold the same code points (Python's `==`; Swift's `==` would also
    /// equate canonically equivalent spellings such as a precomposed and a decomposed `é`).
    @inlinable
    public static func identical(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }
}

/// A string that is equal to another only when their code points are identical, as in Python.
///
/// Used as a dictionary key wherever the reference implementation uses a Python `dict` or `set`.
struct ExactString: Hashable, Sendable {
    let value: String

    init(_ value: String) { self.value = value }

    static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        lhs.value.utf8.elementsEqual(rhs.value.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var copy = value
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
