import ECGModel
import Foundation
import Testing
@testable import Synthesis

/// The committed `Signals/` folder must be what the generator produces today; otherwise a
/// later stage would be tested against stale truth. Regenerate with `ecgnarrator synth`.
@Suite("Committed Signals/ matches the generator")
struct SignalsFolderTests {
    static let signals = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Signals")

    @Test("Truth files and README are byte-identical to freshly generated ones")
    func truthAndReadme() throws {
        var truths: [SyntheticTruth] = []
        for c in SyntheticECG.standardSet {
            let truth = try c.generate().truth
            truths.append(truth)
            let stored = try Data(contentsOf: Self.signals.appendingPathComponent("\(c.name).truth.json"))
            #expect(stored == (try truth.jsonData()), "\(c.name).truth.json is stale")
        }
        let readme = try String(contentsOf: Self.signals.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme == SyntheticCatalog.readme(for: truths))
    }

    @Test("Stored format-16 samples equal the generated samples rounded to 1 µV", arguments: SyntheticECG.standardSet)
    func samples(configuration: SyntheticECG) throws {
        let record = try configuration.generate().record
        let data = try Data(contentsOf: Self.signals.appendingPathComponent("\(configuration.name).dat"))
        let channels = record.leads.count
        #expect(data.count == record.sampleCount * channels * 2)
        let bytes = [UInt8](data)
        var mismatches = 0
        for n in 0..<record.sampleCount {
            for (c, lead) in record.leads.enumerated() {
                let offset = (n * channels + c) * 2
                let stored = Int16(bitPattern: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8)
                let sample = lead.samples[n]
                let expected = sample.isNaN ? Int16.min : Int16((Double(sample) * 1000).rounded())
                if stored != expected { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        let header = try String(contentsOf: Self.signals.appendingPathComponent("\(configuration.name).hea"), encoding: .utf8)
        #expect(header.hasPrefix("\(configuration.name) 12 500 5000\n"))
    }
}
