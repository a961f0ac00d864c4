import Foundation
import TestSupport

/// `../shared/reference/text-metrics.json`: 304 pairs scored by NLTK 3.10.4 and rouge-score 0.1.2
/// (see TEXT-METRICS.md beside it).
struct ReferenceFile: @unchecked Sendable {
    let root: [String: Any]
    let pairs: [[String: Any]]

    static let shared: Result<ReferenceFile, Error> = Result {
        let url = try RealData.reference("text-metrics.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let root = object as? [String: Any], let pairs = root["pairs"] as? [[String: Any]] else {
            throw ReferenceError(message: "text-metrics.json has no 'pairs' array")
        }
        return ReferenceFile(root: root, pairs: pairs)
    }

    static func load() throws -> ReferenceFile { try shared.get() }

    var english: [[String: Any]] { pairs.filter { $0["lang"] as? String == "en" } }
    var chinese: [[String: Any]] { pairs.filter { $0["lang"] as? String == "zh" } }
}

struct ReferenceError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Navigates a parsed JSON value by keys, failing with the path when something is missing.
func value<T>(_ object: Any, _ path: String..., as type: T.Type = T.self) throws -> T {
    var current: Any = object
    for key in path {
        guard let dictionary = current as? [String: Any], let next = dictionary[key] else {
            throw ReferenceError(message: "reference JSON lacks \(path.joined(separator: "."))")
        }
        current = next
    }
    // JSONSerialization returns NSDecimalNumber, whose doubleValue is off in the last digits;
    // its decimal text read by Double(_:) is correctly rounded.
    if T.self == Double.self, let number = current as? NSNumber, let exact = Double(number.description) {
        return exact as! T
    }
    if T.self == Int.self, let number = current as? NSNumber { return number.intValue as! T }
    guard let typed = current as? T else {
        throw ReferenceError(message: "reference JSON \(path.joined(separator: ".")) is not \(T.self)")
    }
    return typed
}

func tokens(_ pair: [String: Any], _ tokenization: String, _ side: String) throws -> [String] {
    try value(pair, "tokens", tokenization, side, as: [String].self)
}

func matches(_ pair: [String: Any], _ path: String...) throws -> [[Int]] {
    var current: Any = pair
    for key in path { current = (current as? [String: Any])?[key] as Any }
    guard let list = current as? [[Any]] else {
        throw ReferenceError(message: "reference JSON lacks \(path.joined(separator: "."))")
    }
    return list.map { $0.map { ($0 as! NSNumber).intValue } }
}

/// Agreement with the reference: TEXT-METRICS.md shows the same operation order reproduces
/// every value bit for bit, so 1e-12 is used (the issue asks for 1e-6).
let tolerance = 1e-12

func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance }
