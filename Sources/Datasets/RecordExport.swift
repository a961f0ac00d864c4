import ECGModel
import Foundation

/// Writing a record's physical samples for other tools.
public enum RecordExport {
    /// The output forms `export` offers.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    /// Streams the record to `output` in `format`, a row (CSV) or a lead (JSON) at a time.
    ///
    /// CSV: a header `time_s,<lead>,…` (labels as the source wrote them), then one row per
    /// sample, values in each lead's units (mV for ECG leads), `NaN` for invalid samples
    /// written as an empty field. JSON: `{"record", "fs", "units", "leads": {label: [values]}}`
    /// with `null` for invalid samples. Values keep float32 precision (shortest round-trip form).
    public static func write(_ record: ECGRecord, as format: Format, to output: FileHandle) throws {
        switch format {
        case .csv: try writeCSV(record, to: output)
        case .json: try writeJSON(record, to: output)
        }
    }

    private static func writeCSV(_ record: ECGRecord, to output: FileHandle) throws {
        var buffer = "time_s," + record.leads.map { csvField($0.label) }.joined(separator: ",") + "\n"
        let period = 1 / record.samplingFrequency.hertz
        for row in 0..<record.sampleCount {
            buffer += String(format: "%.6f", Double(row) * period)
            for lead in record.leads {
                buffer += ","
                if row < lead.samples.count, lead.samples[row].isFinite { buffer += "\(lead.samples[row])" }
            }
            buffer += "\n"
            if buffer.utf8.count > 1 << 16 {
                try output.write(contentsOf: Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try output.write(contentsOf: Data(buffer.utf8))
    }

    private static func writeJSON(_ record: ECGRecord, to output: FileHandle) throws {
        let units = Set(record.leads.map(\.units))
        var text = "{\"record\": \(jsonString(record.id)), \"fs\": \(record.samplingFrequency.hertz), "
        text += "\"units\": \(jsonString(units.count == 1 ? units.first ?? "mV" : "mixed")), \"leads\": {"
        try output.write(contentsOf: Data(text.utf8))
        for (index, lead) in record.leads.enumerated() {
            var chunk = (index > 0 ? ", " : "") + jsonString(lead.label) + ": ["
            chunk += lead.samples.map { $0.isFinite ? "\($0)" : "null" }.joined(separator: ", ")
            chunk += "]"
            try output.write(contentsOf: Data(chunk.utf8))
        }
        try output.write(contentsOf: Data("}}\n".utf8))
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func jsonString(_ text: String) -> String { JSONString.literal(text) }
}
