import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG file read back with Foundation's XML parser, as a flat list of elements.
struct ParsedSVG {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// Attributes of the enclosing `<g class="panel">`, if any.
        var panel: [String: String]?

        func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    var elements: [Element] = []
    var root: [String: String] = [:]

    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }

    init(_ text: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseFailure(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown") "
                               + "at line \(parser.lineNumber)")
        }
        elements = delegate.elements
        root = delegate.elements.first { $0.name == "svg" }?.attributes ?? [:]
    }

    func all(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { element in element.name == name && (className.map { element.classes.contains($0) } ?? true) }
    }

    /// Panels' lead labels in document order.
    var leadLabels: [String] { all("text", class: "lead-label").map(\.text) }

    /// The trace path inside the panel with this row and column.
    func trace(row: Int, column: Int) -> Element? {
        all("path", class: "trace").first { $0.panel?["data-row"] == "\(row)" && $0.panel?["data-column"] == "\(column)" }
    }

    /// The subpaths of the trace in this row and column; throws if the panel has no trace.
    func traceSubpaths(row: Int, column: Int) throws -> [[(x: Double, y: Double)]] {
        guard let d = trace(row: row, column: column)?.attributes["d"] else {
            throw ParseFailure(description: "no trace in row \(row), column \(column)")
        }
        return Self.subpaths(of: d)
    }

    /// All points of the trace in this row and column.
    func tracePoints(row: Int, column: Int) throws -> [(x: Double, y: Double)] {
        try traceSubpaths(row: row, column: column).flatMap { $0 }
    }

    /// Every number of a path's data, in order.
    static func numbers(in pathData: String) -> [Double] {
        var out: [Double] = []
        var current = ""
        for character in pathData {
            if character.isNumber || character == "." || (character == "-" && current.isEmpty) {
                current.append(character)
            } else {
                if let value = Double(current) { out.append(value) }
                current = character == "-" ? "-" : ""
            }
        }
        if let value = Double(current) { out.append(value) }
        return out
    }

    /// The (x, y) points of each subpath of an `M x y x y …` polyline.
    static func subpaths(of pathData: String) -> [[(x: Double, y: Double)]] {
        pathData.split(separator: "M").map { part in
            let values = numbers(in: String(part))
            return stride(from: 0, to: values.count - 1, by: 2).map { (values[$0], values[$0 + 1]) }
        }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []
        var panels: [[String: String]?] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let enclosing = panels.last ?? nil
            let isPanel = elementName == "g" && attributeDict["class"] == "panel"
            elements.append(Element(name: elementName, attributes: attributeDict, text: "", panel: isPanel ? attributeDict : enclosing))
            open.append(elements.count - 1)
            panels.append(isPanel ? attributeDict : enclosing)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            open.removeLast()
            panels.removeLast()
        }
    }
}
