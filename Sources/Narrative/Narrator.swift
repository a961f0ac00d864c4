import Foundation
import Mustache
import Interpretation

/// Renders narratives and prompts from the Mustache templates of one language.
///
/// Templates live in `Templates/<lang>/` (`report`, `cmd`, `ltd`, `prompts/<task>.system`,
/// `prompts/<task>.user`); ``TemplateLocator`` finds the folder, `--templates DIR` overrides it.
public struct Narrator: Sendable {
    public let language: Language
    public let vocabulary: Vocabulary
    /// A digest of the template files' names and contents (FNV-1a, hex): outputs made with
    /// different templates carry different digests.
    public let templateDigest: String
    let library: MustacheLibrary

    /// Loads the templates of `language` from `templates` (the folder holding `en/` and `zh/`).
    public init(templates: URL, language: Language) async throws {
        let folder = templates.appendingPathComponent(language.rawValue)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.mustache").path) else {
            throw NarrativeError(message: "no templates for '\(language.rawValue)' in \(folder.path) (expected report.mustache there)")
        }
        do {
            library = try await MustacheLibrary(directory: folder.path)
        } catch {
            throw NarrativeError(message: "cannot load templates from \(folder.path): \(error)")
        }
        self.language = language
        vocabulary = Vocabulary(language)
        templateDigest = Self.digest(of: folder)
    }

    static func digest(of folder: URL) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        let files = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []).sorted()
        for name in files {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            mix(name.utf8)
            mix([0])
            mix(data)
            mix([0])
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    func render(_ view: [String: Any], _ template: String) throws -> String {
        guard let text = library.render(view, withTemplate: template) else {
            throw NarrativeError(message: "template '\(template)' not found for '\(language.rawValue)'")
        }
        return Self.tidy(text)
    }

    /// Trailing spaces removed, runs of blank lines collapsed, one final newline.
    static func tidy(_ text: String) -> String {
        var text = text
        // Byte by byte: a line break is the byte 10 and a space the byte 32 in UTF-8, and no
        // other character's encoding contains either. A carriage return would make "\r\n" one
        // Character that is not "\n": such text keeps the Character-wise path.
        if let tidied = text.withUTF8({ Self.tidyBytes($0) }) { return tidied }
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            while line.last == " " { line.removeLast() }
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// ``tidy(_:)`` on UTF-8 without carriage returns; `nil` when there is one.
    private static func tidyBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let newline: UInt8 = 10, space: UInt8 = 32
        if bytes.contains(13) { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        var wroteLine = false, blankSince = false
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            var last = end
            while last > start, bytes[last - 1] == space { last -= 1 }
            if last == start {
                // A blank line: at most one is kept, and only between two lines of text.
                if wroteLine { blankSince = true }
            } else {
                if wroteLine { out.append(newline) }
                if blankSince { out.append(newline) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<last]))
                wroteLine = true
                blankSince = false
            }
            start = end + 1
        }
        out.append(newline)
        return String(decoding: out, as: UTF8.self)
    }

    /// A one-record narrative: `report` or `cmd`.
    public func narrate(_ record: NarrativeRecord, template: String) throws -> String {
        try render(RecordView.make(record, vocabulary), template)
    }

    /// Several one-record narratives of one record, in the order of `templates`: the template
    /// values are built once for all of them (building them costs as much as a rendering).
    public func narrate(_ record: NarrativeRecord, templates: [String]) throws -> [String] {
        guard !templates.isEmpty else { return [] }
        let view = RecordView.make(record, vocabulary)
        return try templates.map { try render(view, $0) }
    }

    /// The longitudinal narrative of one patient's ECGs (oldest first).
    public func longitudinal(subjectID: Int, records: [NarrativeRecord]) throws -> String {
        try longitudinal(subjectID: subjectID, entries: records.map { LongitudinalEntry($0, vocabulary: vocabulary) })
    }

    /// The longitudinal narrative from the stored entries of one patient's ECGs (oldest first),
    /// made by a narrator of the same language.
    public func longitudinal(subjectID: Int, entries: [LongitudinalEntry]) throws -> String {
        guard !entries.isEmpty else { throw NarrativeError(message: "subject \(subjectID) has no ECGs") }
        return try render(LongitudinalView.make(subjectID: subjectID, entries: entries, vocabulary), "ltd")
    }
}

/// A narrative could not be rendered.
public struct NarrativeError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Finds the `Templates/` folder: an explicit folder, `$ECGNARRATOR_TEMPLATES`, the folders above
/// the executable (a `swift build` product sits in `<package>/.build/<config>/`), or the package
/// this source file was compiled from.
public enum TemplateLocator {
    public static func locate(explicit: String? = nil) throws -> URL {
        let manager = FileManager.default
        func valid(_ url: URL) -> Bool { manager.fileExists(atPath: url.appendingPathComponent("en/report.mustache").path) }
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard valid(url) else { throw NarrativeError(message: "--templates \(explicit): no en/report.mustache there") }
            return url
        }
        if let env = ProcessInfo.processInfo.environment["ECGNARRATOR_TEMPLATES"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            guard valid(url) else { throw NarrativeError(message: "ECGNARRATOR_TEMPLATES=\(env): no en/report.mustache there") }
            return url
        }
        var candidates: [URL] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Templates"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(packageTemplates)
        if let found = candidates.first(where: valid) { return found }
        throw NarrativeError(message: "cannot find the Templates folder (looked in \(candidates.map(\.path).joined(separator: ", "))); use --templates DIR")
    }

    /// `<package>/Templates`, from this file's path at compile time.
    public static let packageTemplates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
}
