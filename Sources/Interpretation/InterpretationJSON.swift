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
        // One growing string for the whole line: a string per object, pair and list, then
        // their joins, cost more than the rules that made the statements.
        var out = "["
        for (k, s) in interpretation.statements.enumerated() {
            if k > 0 { out += "," }
            append(s, to: &out)
        }
        out += "]"
        return out
    }

    /// One statement as a JSON object.
    public static func statement(_ s: Statement) -> String {
        var out = ""
        append(s, to: &out)
        return out
    }

    /// One piece of evidence: the quantity, its value (3 decimals; `null` when not measurable),
    /// leads, threshold, whether it was met, the criterion, and the readable line.
    public static func evidence(_ e: Evidence) -> String {
        var out = ""
        append(e, to: &out)
        return out
    }

    static func append(_ s: Statement, to out: inout String) {
        add("{\"code\":", string(s.code.rawValue), to: &out)
        add(",\"text\":", string(s.text), to: &out)
        add(",\"category\":", string(s.category.rawValue), to: &out)
        add(",\"certainty\":", string(s.certainty.rawValue), to: &out)
        add(",\"region\":", s.region.map { string($0.rawValue) } ?? "null", to: &out)
        add(",\"response\":", s.response.map { string($0.rawValue) } ?? "null", to: &out)
        out += ",\"evidence\":["
        for (k, e) in s.evidence.enumerated() {
            if k > 0 { out += "," }
            append(e, to: &out)
        }
        out += "]}"
    }

    static func append(_ e: Evidence, to out: inout String) {
        add("{\"quantity\":", string(e.quantity.rawValue), to: &out)
        add(",\"value\":", number(e.value), to: &out)
        add(",\"unit\":", string(e.unit.rawValue), to: &out)
        out += ",\"leads\":["
        for (k, lead) in e.leads.enumerated() {
            if k > 0 { out += "," }
            out += string(lead)
        }
        add("],\"threshold\":", string(e.threshold), to: &out)
        add(",\"met\":", e.met ? "true" : "false", to: &out)
        add(",\"criterion\":", string(e.criterion.rawValue), to: &out)
        add(",\"text\":", string(e.text), to: &out)
        out += "}"
    }

    /// The key text (punctuation included) and the value, appended without an intermediate string.
    private static func add(_ key: String, _ value: String, to out: inout String) {
        out += key
        out += value
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
