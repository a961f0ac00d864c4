/// WFDB's standard annotation codes (ecgcodes.h) and their mnemonics, as annot(5) defines them.
public enum WFDBAnnotationCode {
    /// Largest code an ordinary annotation may carry (`ACMAX`).
    public static let maximumCode = 49
    /// Pseudo-annotation codes that modify or separate annotations in the file.
    static let skip = 59, number = 60, subtype = 61, channel = 62, auxiliary = 63

    /// Mnemonic of each code 0…49; codes without a standard mnemonic print as `[n]`.
    public static let symbols: [String] = {
        var table = (0...maximumCode).map { "[\($0)]" }
        let known: [(Int, String)] = [
            (0, " "), (1, "N"), (2, "L"), (3, "R"), (4, "a"), (5, "V"), (6, "F"), (7, "J"), (8, "A"),
            (9, "S"), (10, "E"), (11, "j"), (12, "/"), (13, "Q"), (14, "~"), (16, "|"), (18, "s"),
            (19, "T"), (20, "*"), (21, "D"), (22, "\""), (23, "="), (24, "p"), (25, "B"), (26, "^"),
            (27, "t"), (28, "+"), (29, "u"), (30, "?"), (31, "!"), (32, "["), (33, "]"), (34, "e"),
            (35, "n"), (36, "@"), (37, "x"), (38, "f"), (39, "("), (40, ")"), (41, "r"),
        ]
        for (code, symbol) in known { table[code] = symbol }
        return table
    }()

    /// The mnemonic of `code` (`N` for 1, `V` for 5, `(` for 39 …).
    public static func symbol(for code: Int) -> String {
        symbols.indices.contains(code) ? symbols[code] : "[\(code)]"
    }

    /// The code of a mnemonic, or `nil` if it is not a standard one.
    public static func code(for symbol: String) -> Int? {
        if let index = symbols.firstIndex(of: symbol), index > 0 { return index }
        return nil
    }

    /// The code of an N (normal beat) annotation.
    public static let normal = 1
    /// The code of a NOTE (comment) annotation, which carries its text in the aux field.
    public static let note = 22
}
