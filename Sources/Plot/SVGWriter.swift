/// Builds SVG text element by element, escaping text and formatting numbers the same way
/// every time.
struct SVGWriter {
    private(set) var text = ""
    private var depth = 0

    /// An attribute value: numbers go through ``SVGNumber``.
    enum Value: ExpressibleByStringLiteral {
        case number(Double)
        case string(String)

        init(stringLiteral value: String) { self = .string(value) }

        var text: String {
            switch self {
            case .number(let value): SVGNumber.text(value)
            case .string(let value): SVGWriter.escaped(value)
            }
        }
    }

    static func escaped(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for character in raw {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    private func attributeText(_ attributes: KeyValuePairs<String, Value>) -> String {
        attributes.map { " \($0.key)=\"\($0.value.text)\"" }.joined()
    }

    private mutating func line(_ content: String) {
        text += String(repeating: " ", count: depth) + content + "\n"
    }

    mutating func raw(_ content: String) { line(content) }

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, Value> = [:]) {
        line("<\(name)\(attributeText(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// An element without content.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, Value>) {
        line("<\(name)\(attributeText(attributes))/>")
    }

    /// An element holding escaped text.
    mutating func text(_ name: String, _ attributes: KeyValuePairs<String, Value>, content: String) {
        line("<\(name)\(attributeText(attributes))>\(Self.escaped(content))</\(name)>")
    }
}
