import Foundation
import TestSupport

/// A temporary directory holding copies of `Signals/` records that a test then corrupts.
struct Scratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    static var signals: URL { RealData.packageRoot.appendingPathComponent("Signals") }

    /// Copies `Signals/<name>.hea` and `.dat` here and returns the header's URL.
    @discardableResult
    func copy(_ name: String) throws -> URL {
        for ext in ["hea", "dat"] {
            try FileManager.default.copyItem(at: Self.signals.appendingPathComponent("\(name).\(ext)"),
                                             to: directory.appendingPathComponent("\(name).\(ext)"))
        }
        return url("\(name).hea")
    }

    func url(_ file: String) -> URL { directory.appendingPathComponent(file) }

    func text(_ file: String) throws -> String { try String(contentsOf: url(file), encoding: .utf8) }

    func write(_ text: String, to file: String) throws { try Data(text.utf8).write(to: url(file)) }

    func write(_ bytes: [UInt8], to file: String) throws { try Data(bytes).write(to: url(file)) }

    /// Rewrites one header line (0-based) through `edit`.
    func editHeaderLine(_ file: String, _ index: Int, _ edit: (String) -> String) throws {
        var lines = try text(file).components(separatedBy: "\n")
        lines[index] = edit(lines[index])
        try write(lines.joined(separator: "\n"), to: file)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
