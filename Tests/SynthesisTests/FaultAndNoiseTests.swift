import ECGModel
import Foundation
import Testing
@testable import Synthesis

@Suite("Interference and lead faults")
struct FaultAndNoiseTests {
    static let clean = SyntheticECG(name: "clean", seed: 5)

    private func difference(_ a: ECGRecord, _ b: ECGRecord, _ lead: Lead) -> [Double] {
        zip(Probe.samples(a, lead), Probe.samples(b, lead)).map { Double($0) - Double($1) }
    }

    private func rms(_ x: [Double]) -> Double {
        (x.map { $0 * $0 }.reduce(0, +) / Double(x.count)).squareRoot()
    }

    @Test("Gaussian and muscle noise have the configured RMS", arguments: [false, true])
    func noiseRMS(muscle: Bool) throws {
        var noisy = Self.clean
        noisy.noise = muscle ? NoiseOptions(muscleRMS: 0.05) : NoiseOptions(gaussianRMS: 0.05)
        let a = try noisy.generate().record
        let b = try Self.clean.generate().record
        for lead in [Lead.i, .ii, .v1, .v4] {
            #expect(abs(rms(difference(a, b, lead)) - 0.05) < 0.0025, "\(lead)")
        }
        // Muscle noise is high-pass: consecutive samples are anticorrelated (lag-1 ≈ −0.5).
        let d = difference(a, b, .v2)
        let lag1 = zip(d.dropFirst(), d).map { $0 * $1 }.reduce(0, +) / d.map { $0 * $0 }.reduce(0, +)
        #expect(muscle ? abs(lag1 + 0.5) < 0.05 : abs(lag1) < 0.05)
    }

    @Test("Powerline and baseline wander are sinusoids of the configured amplitude and frequency")
    func sinusoids() throws {
        for (options, frequency, amplitude) in [
            (NoiseOptions(powerlineAmplitude: 0.1, powerlineFrequency: 60), 60.0, 0.1),
            (NoiseOptions(baselineWanderAmplitude: 0.4, baselineWanderFrequency: 0.3), 0.3, 0.4),
        ] {
            var noisy = Self.clean
            noisy.duration = Milliseconds(20_000)
            noisy.noise = options
            var base = Self.clean
            base.duration = noisy.duration
            let d = difference(try noisy.generate().record, try base.generate().record, .v5)
            // Project on sine and cosine at the frequency: magnitude = amplitude.
            var s = 0.0, c = 0.0
            for (n, value) in d.enumerated() {
                let phase = 2 * Double.pi * frequency * Double(n) / 500
                s += value * sin(phase)
                c += value * cos(phase)
            }
            let measured = 2 * (s * s + c * c).squareRoot() / Double(d.count)
            #expect(abs(measured - amplitude) < 0.01 * amplitude + 1e-4)
            #expect(abs(d.map(abs).max()! - amplitude) < 0.01 * amplitude + 1e-4)
        }
    }

    @Test("Flat, missing, inverted leads and saturation")
    func faults() throws {
        var faulty = Self.clean
        faulty.leadFaults = [.flat(.v3), .missing(.aVL), .inverted(.ii), .saturation(limit: 0.5)]
        let a = try faulty.generate().record
        let b = try Self.clean.generate().record
        #expect(Probe.samples(a, .v3).allSatisfy { $0 == 0 })
        #expect(Probe.samples(a, .aVL).allSatisfy { $0.isNaN })
        let clip: (Float) -> Float = { min(max($0, -0.5), 0.5) }
        #expect(Probe.samples(a, .ii) == Probe.samples(b, .ii).map { clip(-$0) })
        #expect(Probe.samples(a, .v2) == Probe.samples(b, .v2).map(clip))
        #expect(Probe.samples(b, .v2).contains { abs($0) > 0.5 })
    }

    @Test("LA/RA reversal: I inverted, II and III swapped, aVR and aVL swapped, aVF unchanged")
    func armReversal() throws {
        var reversed = Self.clean
        reversed.leadFaults = [.armElectrodeReversal]
        let (a, truth) = try reversed.generate()
        let b = try Self.clean.generate().record
        #expect(truth.leadFaults == ["LA/RA reversal"])
        func close(_ x: [Float], _ y: [Float]) -> Bool { zip(x, y).allSatisfy { abs($0 - $1) < 1e-6 } }
        #expect(close(Probe.samples(a, .i), Probe.samples(b, .i).map { -$0 }))
        #expect(close(Probe.samples(a, .ii), Probe.samples(b, .iii)))
        #expect(close(Probe.samples(a, .iii), Probe.samples(b, .ii)))
        #expect(close(Probe.samples(a, .aVR), Probe.samples(b, .aVL)))
        #expect(close(Probe.samples(a, .aVL), Probe.samples(b, .aVR)))
        #expect(close(Probe.samples(a, .aVF), Probe.samples(b, .aVF)))
        #expect(Probe.samples(a, .v4) == Probe.samples(b, .v4))
    }
}

@Suite("Configuration errors and outputs")
struct ConfigurationTests {
    @Test("Impossible configurations throw a SynthesisError naming the record")
    func errors() {
        let bad: [SyntheticECG] = [
            SyntheticECG(name: "overlap", heartRate: 150, qtInterval: Milliseconds(420)),
            SyntheticECG(name: "rate", heartRate: 0),
            SyntheticECG(name: "no-st", qrsDuration: Milliseconds(200), qtInterval: Milliseconds(202)),
            SyntheticECG(name: "no-pr-segment", prInterval: Milliseconds(100), pDuration: Milliseconds(100)),
            SyntheticECG(name: "duration", duration: Milliseconds(-1)),
            SyntheticECG(name: "ectopic-0", ectopicBeats: [.pvc(at: 0)]),
            SyntheticECG(name: "fs", samplingFrequency: SamplingFrequency(hertz: .nan)),
        ]
        for c in bad {
            #expect {
                _ = try c.generate()
            } throws: { error in
                (error as? SynthesisError)?.description.contains("'\(c.name)'") == true
            }
        }
    }

    @Test("Truth round-trips through JSON with sorted keys")
    func json() throws {
        let (_, truth) = try SyntheticECG(name: "json", ectopicBeats: [.pvc(at: 2)]).generate()
        let data = try truth.jsonData()
        #expect(try JSONDecoder().decode(SyntheticTruth.self, from: data) == truth)
        let text = String(decoding: data, as: UTF8.self)
        let beats = try #require(text.range(of: "\"beats\""))
        let conduction = try #require(text.range(of: "\"conduction\""))
        #expect(beats.lowerBound < conduction.lowerBound)
        #expect(text.hasSuffix("}\n"))
    }

    @Test("Every standard record generates, with unique names, 500 Hz, 10 s, 12 leads")
    func standardSet() throws {
        let names = SyntheticECG.standardSet.map(\.name)
        #expect(Set(names).count == names.count)
        for c in SyntheticECG.standardSet {
            let (record, truth) = try c.generate()
            #expect(record.leads.count == 12 && record.sampleCount == 5000, "\(c.name)")
            #expect(truth.beats.count >= 5, "\(c.name)")
            #expect(!c.summary.isEmpty)
        }
        let readme = SyntheticCatalog.readme(for: try SyntheticECG.standardSet.map { try $0.generate().truth })
        for name in names { #expect(readme.contains("`\(name)`")) }
    }

    @Test("Locale-free number formatting")
    func formatting() {
        #expect(SyntheticCatalog.format(71.96, places: 1) == "72.0")
        #expect(SyntheticCatalog.format(0.05, places: 2) == "0.05")
        #expect(SyntheticCatalog.format(-45) == "−45")
        #expect(SyntheticCatalog.format(160) == "160")
    }
}
