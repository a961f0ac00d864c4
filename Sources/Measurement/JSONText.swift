import ECGModel
import Foundation

/// A minimal JSON writer with a fixed key order, so outputs diff cleanly between runs.
enum JSONText {
    static func number(_ v: Double?, digits: Int = 1) -> String {
        guard let v, v.isFinite else { return "null" }
        if digits == 0 { return String(Int(v.rounded())) }
        return FixedPoint.text(v, decimals: digits)
    }

    static func integers(_ values: [Int?]) -> String {
        "[" + values.map { $0.map(String.init) ?? "null" }.joined(separator: ",") + "]"
    }

    static func string(_ s: String) -> String { JSONString.literal(s) }

    /// `{"k": v, …}` from already-encoded values, in the given order.
    static func object(_ pairs: [(String, String)], indent: String = "") -> String {
        guard !pairs.isEmpty else { return "{}" }
        let inner = indent + "  "
        return "{\n" + pairs.map { inner + string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n" + indent + "}"
    }
}
