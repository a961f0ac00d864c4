import Foundation

/// The outputs of every template for a set of records, keyed by their path under `Samples/`
/// (`en/report/<record>.txt`, `en/cmd/…`, `en/ltd.txt`, `en/prompts/<task>.jsonl`, same for `zh`).
///
/// The longitudinal sample follows one invented patient through a fixed series of the records
/// with invented dates (``ltdSeries``), since synthetic records have no patient.
public enum SampleSet {
    /// The records of the longitudinal sample, in order, with their invented acquisition dates.
    public static let ltdSeries: [(record: String, date: String)] = [
        ("sinus-normal", "2135-06-22 08:14:00"),
        ("first-degree-av-block", "2136-01-09 11:30:00"),
        ("lbbb", "2137-03-05 16:02:00"),
        ("long-qt", "2137-10-23 07:45:00"),
    ]
    /// The subject id of the invented patient.
    public static let ltdSubject = 10000001

    public static func date(_ text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.date(from: text)
    }

    /// Every sample file's text, for `records` sorted by id.
    public static func render(records: [NarrativeRecord], narrators: [Narrator]) throws -> [String: String] {
        let sorted = records.sorted { $0.recordID < $1.recordID }
        var out: [String: String] = [:]
        for n in narrators {
            let lang = n.language.rawValue
            var prompts: [PromptTask: [String]] = [:]
            for r in sorted {
                out["\(lang)/report/\(r.recordID).txt"] = try n.narrate(r, template: "report")
                let cmd = try n.narrate(r, template: "cmd")
                out["\(lang)/cmd/\(r.recordID).txt"] = cmd
                for task in PromptTask.allCases where task != .ltd {
                    prompts[task, default: []].append(try n.prompt(task: task, id: "\(r.recordID)-\(task.rawValue)", narrative: cmd))
                }
            }
            var series: [NarrativeRecord] = []
            for (id, text) in ltdSeries {
                guard var r = sorted.first(where: { $0.recordID == id }) else { continue }
                r.date = date(text)
                r.subjectID = ltdSubject
                series.append(r)
            }
            if !series.isEmpty {
                let ltd = try n.longitudinal(subjectID: ltdSubject, records: series)
                out["\(lang)/ltd.txt"] = ltd
                prompts[.ltd] = [try n.prompt(task: .ltd, id: "\(ltdSubject)-ltd", narrative: ltd)]
            }
            for (task, lines) in prompts {
                out["\(lang)/prompts/\(task.rawValue).jsonl"] = lines.joined(separator: "\n") + "\n"
            }
        }
        return out
    }
}
