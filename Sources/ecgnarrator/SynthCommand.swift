import ArgumentParser
import Foundation
import Synthesis
import WFDB

/// `ecgnarrator synth`: writes synthetic 12-lead ECGs with known truth.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write synthetic 12-lead ECGs with known truth (WFDB record + <name>.truth.json + README.md).")

    @Option(help: "Folder to write into (created if missing).")
    var out: String = "Signals"

    @Option(help: "Which set of records to write (standard).")
    var set: String = "standard"

    @Option(name: .customLong("record"), help: "Write only this record of the set (repeatable).")
    var records: [String] = []

    func run() throws {
        guard set == "standard" else { throw ValidationError("unknown set '\(set)'; available: standard") }
        let known = Set(SyntheticECG.standardSet.map(\.name))
        if let unknown = records.first(where: { !known.contains($0) }) {
            throw ValidationError("no record '\(unknown)' in the standard set")
        }
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var truths: [SyntheticTruth] = []
        for configuration in SyntheticECG.standardSet where records.isEmpty || records.contains(configuration.name) {
            let (record, truth) = try configuration.generate()
            _ = try WFDBRecordWriter.write(record, to: directory, name: configuration.name, gain: 1000)
            try truth.jsonData().write(to: directory.appendingPathComponent("\(configuration.name).truth.json"))
            truths.append(truth)
            print("\(configuration.name): \(truth.beats.count) beats, \(truth.rhythm.rawValue)")
        }
        if records.isEmpty {
            let readme = SyntheticCatalog.readme(for: truths)
            try Data(readme.utf8).write(to: directory.appendingPathComponent("README.md"))
        }
    }
}
