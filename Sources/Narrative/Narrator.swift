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

    /// A one-record narrative: `report` or `cmd`.
    public func narrate(_ record: NarrativeRecord, template: String) throws -> String {
        try render(RecordView.make(record, vocabulary), template)
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
