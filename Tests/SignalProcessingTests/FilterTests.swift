import Foundation
import Testing
import Synthesis
@testable import SignalProcessing
import ECGModel

private func sine(_ f: Double, fs: Double, seconds: Double, amplitude: Double = 1) -> [Float] {
    (0..<Int(fs * seconds)).map { Float(amplitude * sin(2 * Double.pi * f * Double($0) / fs)) }
}

/// RMS over the middle half, away from the edges.
private func middleRMS(_ x: [Float]) -> Double {
    let slice = x[(x.count / 4)..<(3 * x.count / 4)]
    return (slice.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(slice.count)).squareRoot()
}

@Suite struct ZeroPhaseFilterTests {
    @Test(arguments: [128.0, 250.0, 257.0, 360.0, 500.0, 1000.0])
    func baselineHighPassKeepsPassbandAndRemovesWander(fs: Double) throws {
        let filter = try ZeroPhaseFilter(response: ECGFilters.baselineWander(), samplingFrequency: fs)
        let pass = sine(5, fs: fs, seconds: 30)
        let gain = middleRMS(filter.apply(pass)) / middleRMS(pass)
        #expect(abs(gain - 1) < 1e-3)
        let wander = sine(0.15, fs: fs, seconds: 60)
        let residual = middleRMS(filter.apply(wander)) / middleRMS(wander)
        #expect(residual < 1e-3)  // > 60 dB
    }

    @Test func lowPassAttenuation() throws {
        let fs = 500.0
        let filter = try ZeroPhaseFilter(response: ECGFilters.lowPass(cutoff: 40), samplingFrequency: fs)
        let below = sine(25, fs: fs, seconds: 10)
        #expect(abs(middleRMS(filter.apply(below)) / middleRMS(below) - 1) < 1e-3)
        let above = sine(60, fs: fs, seconds: 10)
        #expect(middleRMS(filter.apply(above)) / middleRMS(above) < 1e-3)
        // −6 dB at the cutoff.
        let at = sine(40, fs: fs, seconds: 10)
        #expect(abs(middleRMS(filter.apply(at)) / middleRMS(at) - 0.5) < 0.01)
    }

    @Test func zeroPhaseMeansNoDelay() throws {
        let fs = 360.0
        let filter = try ZeroPhaseFilter(response: .highPass(cutoff: 0.5) * .lowPass(cutoff: 40), samplingFrequency: fs)
        let x = sine(3, fs: fs, seconds: 20)
        let y = filter.apply(x)
        // Same zero crossings: the difference is tiny everywhere in the middle.
        let mid = (x.count / 4)..<(3 * x.count / 4)
        let worst = mid.map { abs(Double(y[$0]) - Double(x[$0])) }.max() ?? 1
        #expect(worst < 2e-3)
    }

    @Test func blockwiseFilteringEqualsWholeSignalFiltering() throws {
        let fs = 360.0
        var generator = SplitMix64(seed: 7)
        let x = (0..<100_000).map { _ in Float(generator.nextGaussian()) }
        let response = FrequencyResponse.highPass(cutoff: 0.5) * .lowPass(cutoff: 40)
        let blocks = try ZeroPhaseFilter(response: response, samplingFrequency: fs, minimumBlockSize: 8192)
        let whole = try ZeroPhaseFilter(response: response, samplingFrequency: fs, minimumBlockSize: 1 << 18,
                                        rigor: .estimate)
        #expect(blocks.blockSize < x.count)
        #expect(whole.blockSize - 2 * whole.margin >= x.count)
        let a = blocks.apply(x), b = whole.apply(x)
        let worst = zip(a, b).map { abs(Double($0) - Double($1)) }.max() ?? 1
        #expect(worst < 1e-4)
    }

    @Test func shortSignalsAndSingleSamples() throws {
        let filter = try ZeroPhaseFilter(response: .lowPass(cutoff: 40), samplingFrequency: 500)
        #expect(filter.apply([]).isEmpty)
        #expect(filter.apply([2]) == [2])  // a constant passes a low-pass unchanged
        let constant = [Float](repeating: 1.5, count: 1250)
        #expect(filter.apply(constant).allSatisfy { abs($0 - 1.5) < 1e-4 })
    }
}

@Suite struct STLevelTests {
    /// A beat train whose ST segment sits 0.2 mV above the PR baseline must keep that
    /// elevation through the diagnostic high-pass while 1 mV of respiratory wander goes.
    @Test func highPassPreservesSTElevation() throws {
        let fs = 500.0
        let rr = 0.8
        let n = Int(fs * 40)
        var clean = [Float](repeating: 0, count: n)
        var beats: [Int] = []
        var t = 0.5
        while t < 39.5 { beats.append(Int(t * fs)); t += rr }
        for b in beats {
            for i in max(0, b - 50)..<min(n, b + 250) {
                let s = Double(i - b) / fs
                var v = 1.2 * exp(-pow(s / 0.012, 2))                       // R
                if s > 0.04 && s < 0.30 { v += 0.2 * min(1, (s - 0.04) / 0.01) * min(1, (0.30 - s) / 0.04) } // ST plateau
                v += 0.3 * exp(-pow((s - 0.25) / 0.04, 2))                  // T
                clean[i] += Float(v)
            }
        }
        let wander = (0..<n).map { Float(1.0 * sin(2 * Double.pi * 0.2 * Double($0) / fs)) }
        let x = zip(clean, wander).map(+)
        let filter = try ZeroPhaseFilter(response: ECGFilters.baselineWander(), samplingFrequency: fs)
        let y = filter.apply(x)
        for b in beats[5..<(beats.count - 5)] {
            let pr = y[(b - 40)..<(b - 30)].reduce(0, +) / 10      // 60–80 ms before R
            let st = y[(b + 50)..<(b + 60)].reduce(0, +) / 10      // J+20 ms
            let truePR = clean[(b - 40)..<(b - 30)].reduce(0, +) / 10
            let trueST = clean[(b + 50)..<(b + 60)].reduce(0, +) / 10
            #expect(abs((st - pr) - (trueST - truePR)) < 0.02, "beat at \(b)")
        }
    }
}

@Suite struct PowerlineTests {
    @Test(arguments: [PowerlineFrequency.hz50, .hz60])
    func detectsTheMainsFrequency(_ mains: PowerlineFrequency) {
        let fs = 500.0
        var generator = SplitMix64(seed: 3)
        let x = (0..<Int(fs * 10)).map { i -> Float in
            let t = Double(i) / fs
            return Float(sin(2 * Double.pi * 1.2 * t) + 0.05 * sin(2 * Double.pi * mains.rawValue * t)
                         + 0.02 * generator.nextGaussian())
        }
        #expect(PowerlineDetector.detect(x, samplingFrequency: fs) == mains)
    }

    @Test func noMainsWithoutALine() {
        var generator = SplitMix64(seed: 5)
        let x = (0..<5000).map { _ in Float(generator.nextGaussian()) }
        #expect(PowerlineDetector.detect(x, samplingFrequency: 500) == nil)
    }

    @Test func notchRemovesMainsAndKeepsNeighbours() throws {
        let fs = 360.0
        let filter = try ZeroPhaseFilter(response: .powerline(60, nyquist: fs / 2), samplingFrequency: fs)
        let hum = sine(60, fs: fs, seconds: 10)
        #expect(middleRMS(filter.apply(hum)) / middleRMS(hum) < 1e-3)
        let near = sine(55, fs: fs, seconds: 10)
        #expect(abs(middleRMS(filter.apply(near)) / middleRMS(near) - 1) < 1e-3)
        // 120 Hz harmonic removed too.
        let harmonic = sine(120, fs: fs, seconds: 10)
        #expect(middleRMS(filter.apply(harmonic)) / middleRMS(harmonic) < 1e-3)
    }
}

@Suite struct FFTPlanCacheTests {
    @Test func plansAreSharedAndRejectOddLengths() throws {
        let cache = FFTPlanCache()
        let a = try cache.plan(count: 1024, rigor: .estimate)
        let b = try cache.plan(count: 1024, rigor: .estimate)
        #expect(a === b)
        #expect(throws: FFTPlanningError.self) { try cache.plan(count: 1023) }
    }

    @Test func concurrentFilteringGivesIdenticalResults() async throws {
        let filter = try ZeroPhaseFilter(response: .lowPass(cutoff: 30), samplingFrequency: 250, rigor: .estimate)
        var generator = SplitMix64(seed: 11)
        let x = (0..<50_000).map { _ in Float(generator.nextGaussian()) }
        let expected = filter.apply(x)
        let results = await withTaskGroup(of: [Float].self) { group in
            for _ in 0..<8 { group.addTask { filter.apply(x) } }
            var all: [[Float]] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func sanitizerHoldsLastValidSample() {
        #expect(SignalSanitizer.holdingInvalidSamples([.nan, 1, .nan, .infinity, 3]) == [1, 1, 1, 1, 3])
    }
}

@Suite struct SpikeSuppressorTests {
    @Test func removesPacingSpikesAndKeepsQRS() {
        let fs = 500.0
        var x = [Float](repeating: 0, count: 1000)
        // A QRS-like wave: 2 mV over 20 ms (0.1 mV/ms), which must survive untouched.
        for i in 0..<40 { x[300 + i] = Float(2 * sin(Double.pi * Double(i) / 40)) }
        let qrs = x
        // A 1 ms, 5 mV pacing stimulus.
        x[600] = 5; x[601] = 4
        var y = x
        let count = SpikeSuppressor().apply(to: &y, samplingFrequency: fs)
        #expect(count == 1)
        #expect(y[595..<610].allSatisfy { abs($0) < 1e-6 })
        #expect(Array(y[250..<400]) == Array(qrs[250..<400]))
    }
}

@Suite struct ConditioningTests {
    @Test func conditionedRecordRemovesWanderAndMainsAndKeepsGaps() throws {
        let fs = 500.0
        let n = Int(fs * 20)
        let signal = (0..<n).map { i -> Float in
            let t = Double(i) / fs
            return Float(0.8 * sin(2 * Double.pi * 0.2 * t) + 0.1 * sin(2 * Double.pi * 50 * t)
                         + 0.5 * sin(2 * Double.pi * 7 * t))
        }
        var samples = signal
        for i in 500..<600 { samples[i] = .nan }
        let record = ECGRecord(metadata: RecordMetadata(recordID: "c"), samplingFrequency: SamplingFrequency(hertz: fs),
                               leads: [LeadSignal(label: "II", samples: samples)])
        let out = try ECGFilters.conditioned(record).leads[0].samples
        #expect(out[500..<600].allSatisfy { $0.isNaN })
        #expect(out[..<500].allSatisfy { $0.isFinite } && out[600...].allSatisfy { $0.isFinite })
        // Away from the gap and the ends only the 7 Hz component remains.
        let expected = (0..<n).map { Float(0.5 * sin(2 * Double.pi * 7 * Double($0) / fs)) }
        let worst = (5000..<8000).map { abs(out[$0] - expected[$0]) }.max() ?? 1
        #expect(worst < 0.01)
    }
}
