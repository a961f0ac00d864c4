import ECGModel
import Testing
@testable import Synthesis

@Suite("Intervals and RR in the truth equal the configuration")
struct IntervalTests {
    @Test("PR, QRS, QT within half a sample; every beat laid out identically",
          arguments: [250.0, 360, 400, 500, 1000, 128])
    func intervals(hertz: Double) throws {
        let fs = SamplingFrequency(hertz: hertz)
        let c = SyntheticECG(name: "iv", samplingFrequency: fs, heartRate: 66, prInterval: Milliseconds(172),
                             qrsDuration: Milliseconds(96), qtInterval: Milliseconds(404))
        let (record, truth) = try c.generate()
        let half = 500 / hertz
        #expect(record.sampleCount == Int(10 * hertz))
        #expect(abs(try #require(truth.prInterval) - 172) <= half)
        #expect(abs(truth.qrsDuration - 96) <= half)
        #expect(abs(truth.qtInterval - 404) <= half)
        for beat in truth.beats {
            #expect(beat.type == .normal)
            #expect(beat.qrsOnset - beat.pOnset! == fs.samples(in: Milliseconds(172)))
            #expect(beat.qrsOffset - beat.qrsOnset == fs.samples(in: Milliseconds(96)))
            #expect(beat.tOffset - beat.qrsOnset == fs.samples(in: Milliseconds(404)))
            // Each RR is the configured cycle rounded to a sample at both ends.
            if let rr = beat.rrPrevious { #expect(abs(rr - 60_000 / 66) <= 1000 / hertz + 1e-3) }
        }
        #expect(abs(truth.meanRR - 60_000 / 66) <= 1000 / hertz / Double(truth.beats.count - 1) + 1e-3)
        #expect(abs(truth.heartRate - 66) < 0.1)
        #expect(truth.beats.count == 10 || truth.beats.count == 11)
    }

    @Test("An explicit RR sequence is used in turn")
    func explicitRR() throws {
        let list = [800.0, 950, 700, 1020].map(Milliseconds.init)
        let c = SyntheticECG(name: "rr", duration: Milliseconds(20_000), rrIntervals: list)
        let (_, truth) = try c.generate()
        #expect(truth.beats.count > 8)
        for (k, beat) in truth.beats.enumerated().dropFirst() {
            #expect(abs(beat.rrPrevious! - list[(k - 1) % list.count].value) <= 2.0 + 1e-9)
        }
    }

    @Test("Sinus variability jitters RR around the mean without changing the intervals")
    func variability() throws {
        let c = SyntheticECG(name: "hrv", duration: Milliseconds(60_000), heartRate: 75, rrVariability: 0.05)
        let (_, truth) = try c.generate()
        let rrs = truth.beats.compactMap(\.rrPrevious)
        #expect(rrs.allSatisfy { $0 >= 800 * 0.95 - 2 && $0 <= 800 * 1.05 + 2 })
        let mean = rrs.reduce(0, +) / Double(rrs.count)
        let sd = (rrs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(rrs.count)).squareRoot()
        // Uniform ±40 ms has a standard deviation of 40/√3 ≈ 23 ms.
        #expect(abs(sd - 40 / 3.0.squareRoot()) < 5)
        #expect(abs(truth.meanRR - 800) < 10)
    }

    @Test("QTc (Bazett) from the realised RR")
    func qtc() throws {
        let (_, truth) = try SyntheticECG(name: "qtc", heartRate: 60, qtInterval: Milliseconds(500)).generate()
        #expect(abs(truth.qtcBazett - 500) < 0.5)
    }
}
