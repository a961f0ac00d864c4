import ECGModel
import Foundation
import Interpretation

/// What the longitudinal (LTD) narrative needs of one ECG, in a form that can be stored.
///
/// A whole-dataset conversion interprets each ECG once, in parallel, and composes each
/// patient's narrative only after all of the patient's ECGs are done; this is what it keeps of
/// every ECG in between (as JSON), instead of the signals or the full interpretation.
/// Statement texts are already in the narrator's language.
public struct LongitudinalEntry: Sendable, Codable, Equatable {
    /// One statement of the ECG, as the comparison between consecutive ECGs sees it.
    public struct Finding: Sendable, Codable, Equatable {
        /// The statement's identity across ECGs: its code and region (a change of certainty,
        /// "possible LVH" then "LVH", is the same finding persisting).
        public var key: String
        /// Sorts findings in report order (category, then code, then region).
        public var order: String
        /// The statement as the narrative writes it.
        public var text: String
    }

    public var recordID: String
    public var date: Date?
    /// The non-summary statements, in report order.
    public var findings: [Finding]
    /// The summary line ("Abnormal ECG"), when there is one.
    public var summary: String?
    public var heartRate: Double?
    /// QTc by Bazett, in ms.
    public var correctedQT: Double?
    /// Frontal QRS axis, in degrees.
    public var qrsAxis: Double?

    /// The entry of an interpreted ECG, with statement texts from `vocabulary`.
    public init(_ record: NarrativeRecord, vocabulary: Vocabulary) {
        recordID = record.recordID
        date = record.date
        var seen = Set<String>()
        var findings: [Finding] = []
        for s in record.interpretation.statements where s.category != .summary {
            let key = s.code.rawValue + (s.region.map { "/" + $0.rawValue } ?? "")
            guard seen.insert(key).inserted else { continue }
            let category = StatementCategory.allCases.firstIndex(of: s.category) ?? 0
            let code = StatementCode.allCases.firstIndex(of: s.code) ?? 0
            let order = Self.zeroPadded(category, 2) + Self.zeroPadded(code, 3) + (s.region?.rawValue ?? "")
            findings.append(Finding(key: key, order: order, text: vocabulary.text(s)))
        }
        self.findings = findings.sorted { $0.order < $1.order }
        summary = record.interpretation.statements.first { $0.category == .summary }.map { vocabulary.text($0) }
        let g = record.measurements.global
        heartRate = g.heartRate
        correctedQT = g.qtc?.bazett.value
        qrsAxis = g.qrsAxis
    }

    /// `n` (≥ 0) in at least `width` digits, zeros in front: `String(format: "%0*d")` without
    /// Foundation's formatter, which is slow enough to matter once per statement per record.
    static func zeroPadded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
    }

    /// One line of JSON (keys sorted, so the same entry always gives the same bytes), written
    /// by hand: `JSONEncoder` cost a conversion over a percent of its time. Absent values are
    /// left out, numbers are written in Swift's shortest round-trip form, the date in seconds
    /// since 1970: ``init(jsonLine:)`` (a `JSONDecoder`) reads back the same entry.
    public func jsonLine() throws -> String {
        let numbers = [heartRate, correctedQT, qrsAxis, date?.timeIntervalSince1970]
        guard numbers.allSatisfy({ $0?.isFinite ?? true }) else { return try encodedLine() }
        func pair(_ key: String, _ value: String?) -> (String, String)? { value.map { (key, $0) } }
        let findingsList = findings.map {
            JSONString.object([("key", JSONString.literal($0.key)), ("order", JSONString.literal($0.order)),
                               ("text", JSONString.literal($0.text))])
        }
        return JSONString.object([
            pair("correctedQT", correctedQT.map { "\($0)" }),
            pair("date", date.map { "\($0.timeIntervalSince1970)" }),
            pair("findings", "[" + findingsList.joined(separator: ",") + "]"),
            pair("heartRate", heartRate.map { "\($0)" }),
            pair("qrsAxis", qrsAxis.map { "\($0)" }),
            pair("recordID", JSONString.literal(recordID)),
            pair("summary", summary.map(JSONString.literal)),
        ].compactMap { $0 })
    }

    /// ``jsonLine()`` by `JSONEncoder`, which reports non-finite numbers as errors.
    func encodedLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The entry a ``jsonLine()`` wrote.
    public init(jsonLine: String) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        self = try decoder.decode(LongitudinalEntry.self, from: Data(jsonLine.utf8))
    }
}
