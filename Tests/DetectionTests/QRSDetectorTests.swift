import Foundation
import Testing
import Synthesis
import ECGModel
@testable import Detection

/// Every expected beat found within `tolerance` seconds and no other detection.
private func expectExact(_ found: [Int], _ expected: [Int], fs: Double, tolerance: Double = 0.05,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let tol = Int(tolerance * fs)
    var unmatched = found
    var missed: [Int] = []
    for b in expected {
        if let j = unmatched.firstIndex(where: { abs($0 - b) <= tol }) {
            unmatched.remove(at: j)
        } else {
            missed.append(b)
        }
    }
    #expect(missed.isEmpty, "missed beats at \(missed)", sourceLocation: sourceLocation)
    #expect(unmatched.isEmpty, "extra detections at \(unmatched)", sourceLocation: sourceLocation)
    #expect(found == found.sorted() && Set(found).count == found.count, sourceLocation: sourceLocation)
}

private let detector = QRSDetector()

@Suite struct QRSDetectorSyntheticTests {
    @Test(arguments: [128.0, 250.0, 257.0, 360.0, 500.0, 1000.0])
    func cleanSinusRhythmAtAnySamplingRate(fs: Double) throws {
        let ecg = SyntheticECG.rhythm(fs: fs, seconds: 60, rate: 75)
        let found = try detector.detect(leads: ecg.leads, samplingFrequency: fs)
        expectExact(found, ecg.beats, fs: fs, tolerance: 0.02)
    }

    @Test func fastAndSlowRates() throws {
        for rate in [40.0, 150.0, 200.0] {
            let ecg = SyntheticECG.rhythm(fs: 360, seconds: 60, rate: rate, seed: UInt64(rate))
            expectExact(try detector.detect(leads: ecg.leads, samplingFrequency: 360), ecg.beats, fs: 360)
        }
    }

    @Test func baselineWanderAndMuscleNoise() throws {
        var ecg = SyntheticECG.rhythm(fs: 360, seconds: 120, rate: 80)
        ecg.addWander(amplitude: 1.5, frequency: 0.3)
        ecg.addMuscleNoise(lead: 0, rms: 0.05, seed: 9)
        ecg.addNoise(lead: 0, rms: 0.02, seed: 10)
        expectExact(try detector.detect(leads: ecg.leads, samplingFrequency: 360), ecg.beats, fs: 360)
    }

    @Test func tallTWavesAreNotBeats() throws {
        let ecg = SyntheticECG.rhythm(fs: 500, seconds: 60, rate: 70, shape: .normal(r: 0.8, t: 1.2))
        expectExact(try detector.detect(leads: ecg.leads, samplingFrequency: 500), ecg.beats, fs: 500)
    }

    @Test func lowAmplitude() throws {
        var ecg = SyntheticECG.rhythm(fs: 250, seconds: 60, rate: 65, shape: .normal(r: 0.12, t: 0.04))
        ecg.addNoise(lead: 0, rms: 0.003, seed: 4)
        expectExact(try detector.detect(leads: ecg.leads, samplingFrequency: 250), ecg.beats, fs: 250)
    }

    @Test func ventricularEctopyBigeminyAndCouplets() throws {
        // Normal beats with premature ventricular beats (coupling 0.45 s, compensatory pause).
        var times: [Double] = []
        var shapes: [BeatShape] = []
        var t = 0.5
        var index = 0
        while t < 88 {
            let ectopic = index % 2 == 1 && (index / 20) % 2 == 0 || index % 17 == 0 || index % 17 == 1
            times.append(t)
            shapes.append(ectopic ? .ventricular : .normal())
            t += ectopic ? 1.2 : (index % 2 == 0 ? 0.45 : 0.85)
            index += 1
        }
        let ecg = SyntheticECG(fs: 360, seconds: 90, times: times, shapes: shapes)
        expectExact(try detector.detect(leads: ecg.leads, samplingFrequency: 360), ecg.beats, fs: 360, tolerance: 0.06)
    }

    @Test func pacedRhythmGivesOneDetectionPerBeat() throws {
        let ecg = SyntheticECG.rhythm(fs: 500, seconds: 60, rate: 70, shape: .paced)
        expectExact(try detector.detect(leads: ecg.leads, samplingFrequency: 500), ecg.beats, fs: 500, tolerance: 0.06)
    }

    @Test func flatLeadIsIgnored() throws {
        var ecg = SyntheticECG.rhythm(fs: 360, seconds: 60, rate: 72, leadGains: [1, 0])
        ecg.leads[1] = [Float](repeating: 0.3, count: ecg.leads[1].count)
        expectExact(try detector.detect(leads: ecg.leads, samplingFrequency: 360), ecg.beats, fs: 360)
        // A lead that is NaN throughout (disconnected) behaves the same.
        ecg.leads[1] = [Float](repeating: .nan, count: ecg.leads[1].count)
        expectExact(try detector.detect(leads: ecg.leads, samplingFrequency: 360), ecg.beats, fs: 360)
    }

    @Test func twelveLeadsWithOneVeryNoisyLead() throws {
        let gains = [0.6, 1.0, 0.4, -0.8, 0.2, 0.7, -0.5, 0.3, 0.9, 1.4, 1.2, 0.9]
        var ecg = SyntheticECG.rhythm(fs: 500, seconds: 10, rate: 78, leadGains: gains)
        // V1 carries electrode noise and spikes much larger than the QRS.
        ecg.addNoise(lead: 6, rms: 0.3, seed: 21)
        var g = SplitMix64(seed: 22)
        for _ in 0..<15 {
            let i = Int(g.nextUnit() * Double(ecg.leads[6].count - 10))
            for k in 0..<8 { ecg.leads[6][i + k] += 3 }
        }
        expectExact(try detector.detect(leads: ecg.leads, samplingFrequency: 500), ecg.beats, fs: 500)
    }

    @Test func shortRecord() throws {
        let ecg = SyntheticECG(fs: 500, seconds: 2.5, times: [0.3, 1.1, 1.9], shapes: Array(repeating: .normal(), count: 3))
        expectExact(try detector.detect(leads: ecg.leads, samplingFrequency: 500), ecg.beats, fs: 500)
    }

    @Test func emptyAndFlatInputsGiveNoBeats() throws {
        #expect(try detector.detect(leads: [[]], samplingFrequency: 360).isEmpty)
        #expect(try detector.detect(leads: [[Float](repeating: 0, count: 5000)], samplingFrequency: 500).isEmpty)
        var g = SplitMix64(seed: 1)
        let noise = (0..<5000).map { _ in Float(0.001 * g.nextGaussian()) }
        #expect(try detector.detect(leads: [noise], samplingFrequency: 500).isEmpty)
    }

    @Test func recordInterfaceUsesECGLeadsOnly() throws {
        let ecg = SyntheticECG.rhythm(fs: 250, seconds: 30, rate: 60)
        var g = SplitMix64(seed: 2)
        let pressure = (0..<ecg.leads[0].count).map { _ in Float(100 + 40 * g.nextGaussian()) }
        let record = ECGRecord(metadata: RecordMetadata(recordID: "synthetic"),
                               samplingFrequency: SamplingFrequency(hertz: 250),
                               leads: [LeadSignal(label: "II", samples: ecg.leads[0]),
                                       LeadSignal(label: "ABP", samples: pressure, units: "mmHg")])
        let detections = try detector.detect(record)
        #expect(detections.samplingFrequency.hertz == 250)
        expectExact(detections.samples, ecg.beats, fs: 250)
    }
}
