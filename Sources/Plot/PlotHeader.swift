import ECGModel
import Foundation

/// The text printed above the tracing: what the record is, what was measured, what was said.
///
/// Lines are plain strings so the plot does not depend on the stages that produce them; the
/// renderer adds a last line with the paper speed, gain and time window itself.
public struct PlotHeader: Sendable, Equatable {
    public var lines: [String]

    public init(lines: [String] = []) {
        self.lines = lines
    }

    /// Record id, acquisition time (UTC), patient/study ids and sampling frequency on one line,
    /// followed by `measurements` and `statements`, one line each.
    public init(record: ECGRecord, measurements: [String] = [], statements: [String] = []) {
        self.lines = [Self.identification(of: record)] + measurements + statements
    }

    /// `record 100 · 2180-07-23 09:06:00 UTC · subject 10000032 · study 40689238 · 500 Hz`.
    public static func identification(of record: ECGRecord) -> String {
        var parts = ["record \(record.id)"]
        if let time = record.metadata.acquisitionTime { parts.append(utcText(time)) }
        if let subject = record.metadata.subjectID { parts.append("subject \(subject)") }
        if let study = record.metadata.studyID { parts.append("study \(study)") }
        parts.append(record.samplingFrequency.description)
        return parts.joined(separator: " · ")
    }

    /// `yyyy-MM-dd HH:mm:ss UTC`, whatever the machine's locale and time zone.
    static func utcText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ v: Int?) -> String { let v = v ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) UTC"
    }
}
