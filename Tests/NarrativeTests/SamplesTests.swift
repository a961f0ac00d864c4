import Testing
import Foundation
import Datasets
import Interpretation
import Narrative
import TestSupport

/// `Samples/` holds every template's output for the records in `Signals/`. This test regenerates
/// them and fails on any difference, so template and rule changes are reviewed as diffs.
///
/// To accept a change: `ECGNARRATOR_UPDATE_SAMPLES=1 swift test --filter SamplesTests`, then review
/// `git diff Samples/`.
@Suite struct SamplesTests {
    static let signals = RealData.packageRoot.appendingPathComponent("Signals")
    static let samples = RealData.packageRoot.appendingPathComponent("Samples")

    static func rendered() async throws -> [String: String] {
        let headers = try FileManager.default.contentsOfDirectory(atPath: signals.path).filter { $0.hasSuffix(".hea") }.sorted()
        let pipeline = InterpretationPipeline()
        let records = try headers.map { name in
            let url = signals.appendingPathComponent(name)
            let entry = DatasetEntry(location: .wfdb(header: url), recordID: url.deletingPathExtension().lastPathComponent)
            return try NarrativeRecord.make(entry, pipeline: pipeline)
        }
        #expect(records.count == 22)
        var narrators: [Narrator] = []
        for language in Language.allCases {
            narrators.append(try await Narrator(templates: TemplateLocator.packageTemplates, language: language))
        }
        return try SampleSet.render(records: records, narrators: narrators)
    }

    @Test func samplesMatchTheTemplatesOutput() async throws {
        let files = try await Self.rendered()
        let update = ProcessInfo.processInfo.environment["ECGNARRATOR_UPDATE_SAMPLES"] == "1"
        let manager = FileManager.default
        if update {
            // Replace only the folders the templates write (Samples/plots belongs to PlotCommandTests).
            for folder in Set(files.keys.compactMap { $0.split(separator: "/").first.map(String.init) }) {
                try? manager.removeItem(at: Self.samples.appendingPathComponent(folder))
            }
            for (path, text) in files {
                let url = Self.samples.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
        // Every expected file exists with identical text, and no stale file is left over.
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let stored = try? String(contentsOf: Self.samples.appendingPathComponent(path), encoding: .utf8)
            #expect(stored == text, "Samples/\(path) differs from the templates' output (regenerate with ECGNARRATOR_UPDATE_SAMPLES=1)")
        }
        let enumerator = manager.enumerator(atPath: Self.samples.path)
        var stale: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            manager.fileExists(atPath: Self.samples.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue, files[path] == nil, !path.hasPrefix("plots/") { stale.append(path) }
        }
        #expect(stale.isEmpty, "stale files in Samples/: \(stale)")
        // Every template family is represented in both languages.
        for lang in ["en", "zh"] {
            #expect(files["\(lang)/ltd.txt"] != nil)
            for task in PromptTask.allCases { #expect(files["\(lang)/prompts/\(task.rawValue).jsonl"] != nil) }
        }
    }

    @Test func renderingIsDeterministic() async throws {
        let a = try await Self.rendered(), b = try await Self.rendered()
        #expect(a == b)
    }
}
