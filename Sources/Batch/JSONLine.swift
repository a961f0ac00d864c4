import ECGModel

/// Minimal, deterministic JSON writing for one-line objects (keys in the order given).
public enum JSONLine {
    /// A JSON string literal.
    public static func string(_ text: String) -> String { JSONString.literal(text) }

    /// An optional integer, `null` when absent.
    public static func integer(_ value: Int?) -> String {
        value.map(String.init) ?? "null"
    }

    /// `{"key":value,…}` from already-encoded values.
    public static func object(_ pairs: [(String, String)]) -> String { JSONString.object(pairs) }
}
