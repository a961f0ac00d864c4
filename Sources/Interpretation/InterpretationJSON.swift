import ECGModel
import Foundation

/// The statements of an interpretation as one line of JSON, evidence included.
///
/// Keys come in a fixed order and numbers with a fixed precision, so the same interpretation
/// always gives the same bytes (batch outputs are compared byte for byte between runs).
/// Codes and quantities are the Swift case names (stable identifiers); `text` is the English
/// wording of MIMIC-IV-ECG machine reports.
public enum InterpretationJSON {
    /// `[{"code":…,"text":…,"category":…,"certainty":…,"region":…,"response":…,"evidence":[…]},…]`.
    public static func statements(_ interpretation: Interpretation) -> String {
        "[" + interpretation.statements.map(statement).joined(separator: ",") + "]"
    }

    /// One statement as a JSON object.
    public static func statement(_ s: Statement) -> String {
        JSONString.object([
            ("code", string(s.code.rawValue)),
            ("text", string(s.text)),
            ("category", string(s.category.rawValue)),
            ("certainty", string(s.certainty.rawValue)),
            ("region", s.region.map { string($0.rawValue) } ?? "null"),
            ("response", s.response.map { string($0.rawValue) } ?? "null"),
            ("evidence", "[" + s.evidence.map(evidence).joined(separator: ",") + "]"),
        ])
    }

    /// One piece of evidence: the quantity, its value (3 decimals; `null` when not measurable),
    /// leads, threshold, whether it was met, the criterion, and the readable line.
    public static func evidence(_ e: Evidence) -> String {
        JSONString.object([
            ("quantity", string(e.quantity.rawValue)),
            ("value", number(e.value)),
            ("unit", string(e.unit.rawValue)),
            ("leads", "[" + e.leads.map(string).joined(separator: ",") + "]"),
            ("threshold", string(e.threshold)),
            ("met", e.met ? "true" : "false"),
            ("criterion", string(e.criterion.rawValue)),
            ("text", string(e.text)),
        ])
    }

    static func string(_ s: String) -> String { JSONString.literal(s) }

    static func number(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "null" }
        let rounded = (v * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = FixedPoint.text(rounded, decimals: 3)
        while text.last == "0" { text.removeLast() }
        return text
    }
}
