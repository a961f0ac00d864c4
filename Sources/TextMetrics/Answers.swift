import Foundation

/// An answer's `id`: a JSON string or integer, kept as written.
public enum AnswerID: Hashable, Sendable, CustomStringConvertible, Decodable {
    case string(String)
    case integer(Int)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else {
            throw DecodingError.typeMismatch(AnswerID.self, .init(codingPath: decoder.codingPath,
                                             debugDescription: "id must be a string or an integer"))
        }
    }

    public var description: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        case .integer(let n): return String(n)
        }
    }

    /// The id as JSON.
    public var json: String {
        switch self {
        case .string(let s): return JSONText.quoted(s)
        case .integer(let n): return String(n)
        }
    }
}

/// One line of a predictions or references file: `{"id": …, "task": …, "answer": "…"}`.
public struct AnswerRecord: Sendable, Equatable {
    /// The `id` field.
    public var id: AnswerID
    /// The `task` field (optional in predictions).
    public var task: String?
    /// The answer text.
    public var answer: String
    /// 1-based line number in its file.
    public var line: Int

    public init(id: AnswerID, task: String?, answer: String, line: Int) {
        self.id = id
        self.task = task
        self.answer = answer
        self.line = line
    }
}

/// A prediction and its reference, joined on `id`.
public struct AnswerPair: Sendable, Equatable {
    /// The shared `id`.
    public var id: AnswerID
    /// The reference's task (`"unspecified"` when it has none).
    public var task: String
    /// The model's answer.
    public var prediction: String
    /// The reference answer.
    public var reference: String

    public init(id: AnswerID, task: String, prediction: String, reference: String) {
        self.id = id
        self.task = task
        self.prediction = prediction
        self.reference = reference
    }
}

/// Bad scoring input: names the file, line and id concerned.
public struct ScoringError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the file, line and id.
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Reads answer files (JSON Lines) and joins predictions to references.
public enum AnswerFile {
    private struct Line: Decodable {
        let id: AnswerID
        let task: String?
        let answer: String
    }

    /// Reads every non-blank line of a JSONL file.
    public static func read(_ url: URL) throws -> [AnswerRecord] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ScoringError(message: "\(url.path): cannot be read (\(error.localizedDescription))")
        }
        return try parse(data, file: url.path)
    }

    /// Parses JSONL text; `file` names it in errors.
    public static func parse(_ data: Data, file: String) throws -> [AnswerRecord] {
        let decoder = JSONDecoder()
        var records: [AnswerRecord] = []
        var lineNumber = 0
        for lineBytes in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                let line = try decoder.decode(Line.self, from: Data(lineBytes))
                records.append(AnswerRecord(id: line.id, task: line.task, answer: line.answer, line: lineNumber))
            } catch {
                throw ScoringError(message: "\(file):\(lineNumber): not a {\"id\", \"task\", \"answer\"} JSON object (\(describe(error)))")
            }
        }
        return records
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context): return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case DecodingError.valueNotFound(_, let context): return "null at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "invalid JSON"
        default: return "\(error)"
        }
    }

    /// Joins predictions to references on `id`, in the references' order.
    ///
    /// Every id must occur exactly once in each file. The task is the reference's (a prediction
    /// may omit it; if it gives one, it must agree). A reference without a task gets `"unspecified"`.
    public static func join(predictions: [AnswerRecord], predictionsFile: String,
                            references: [AnswerRecord], referencesFile: String) throws -> [AnswerPair] {
        var predictionByID: [AnswerID: AnswerRecord] = [:]
        for record in predictions {
            if let first = predictionByID[record.id] {
                throw ScoringError(message: "\(predictionsFile):\(record.line): duplicate id \(record.id) (first on line \(first.line))")
            }
            predictionByID[record.id] = record
        }
        var seen: [AnswerID: Int] = [:]
        var pairs: [AnswerPair] = []
        pairs.reserveCapacity(references.count)
        for record in references {
            if let first = seen[record.id] {
                throw ScoringError(message: "\(referencesFile):\(record.line): duplicate id \(record.id) (first on line \(first))")
            }
            seen[record.id] = record.line
            guard let prediction = predictionByID[record.id] else {
                throw ScoringError(message: "\(predictionsFile): no prediction for id \(record.id) (reference \(referencesFile):\(record.line))")
            }
            let task = record.task ?? "unspecified"
            if let predictedTask = prediction.task, record.task != nil, predictedTask != task {
                throw ScoringError(message: "\(predictionsFile):\(prediction.line): id \(record.id) has task \"\(predictedTask)\" but its reference (\(referencesFile):\(record.line)) has \"\(task)\"")
            }
            pairs.append(AnswerPair(id: record.id, task: task, prediction: prediction.answer, reference: record.answer))
        }
        for record in predictions where seen[record.id] == nil {
            throw ScoringError(message: "\(referencesFile): no reference for id \(record.id) (prediction \(predictionsFile):\(record.line))")
        }
        return pairs
    }
}

/// Minimal JSON text writing (key order fixed for readable per-item files).
public enum JSONText {
    /// A JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A JSON number that reads back as the same double.
    public static func number(_ x: Double) -> String {
        x.isFinite ? "\(x)" : "null"
    }
}
