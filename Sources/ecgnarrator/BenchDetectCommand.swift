import ArgumentParser
import Evaluation
import Foundation

struct BenchDetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Thread CPU time of QRS detection per record, reading excluded and included.")

    @Option(name: .long, help: "Folder of long records (e.g. MIT-BIH, 30 min, 2 leads).")
    var holter: String?

    @Option(name: .long, help: "Folder of 10-s 12-lead records (searched recursively for .hea).")
    var resting: String?

    @Option(name: .long, help: "Timed passes over each group.")
    var repetitions = 5

    @Option(name: .long, help: "Most records used from each group.")
    var limit = 50

    func run() throws {
        let benchmark = QRSBenchmark(repetitions: repetitions)
        for (label, folder) in [("holter", holter), ("resting", resting)] {
            guard let folder else { continue }
            let records = Array(Self.records(under: URL(fileURLWithPath: folder)).prefix(limit))
            let r = try benchmark.run(label: label, records: records)
            print(String(format: "%@: %d records × %d passes, %d leads × %d samples at %.0f Hz: detect %.3f ms/record, read+detect %.3f ms/record",
                         r.label, r.records, r.repetitions, r.leads, r.samplesPerLead, r.samplingFrequency,
                         r.detectMillisecondsPerRecord, r.readAndDetectMillisecondsPerRecord))
        }
    }

    /// Record paths (without extension) of every header under `folder`, sorted.
    static func records(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var found: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "hea" { found.append(url.deletingPathExtension()) }
        }
        return found.sorted { $0.path < $1.path }
    }
}
