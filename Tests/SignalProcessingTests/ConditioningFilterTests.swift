import Foundation
import Testing
import Synthesis
@testable import SignalProcessing

/// A 12-lead-like test lead: beats (narrow QRS, broad T), 1 mV respiratory wander, mains hum
/// and white noise, so every band the split filter treats differently carries energy.
private func ecgLike(fs: Double, seconds: Double, seed: UInt64) -> [Float] {
    var generator = SplitMix64(seed: seed)
    let n = Int(fs * seconds)
    return (0..<n).map { i -> Float in
        let t = Double(i) / fs
        let phase = t.truncatingRemainder(dividingBy: 0.83)
        let qrs = 1.5 * exp(-pow((phase - 0.3) / 0.012, 2))
        let tw = 0.3 * exp(-pow((phase - 0.6) / 0.05, 2))
        let wander = 1.0 * sin(2 * Double.pi * 0.27 * t + 0.4) + 0.3 * sin(2 * Double.pi * 0.05 * t)
        let mains = 0.05 * sin(2 * Double.pi * 50 * t)
        return Float(qrs + tw + wander + mains + 0.02 * generator.nextGaussian())
    }
}

@Suite struct ConditioningFilterTests {
    /// The split filter (low-pass at the full rate minus the baseline at a reduced rate) gives
    /// the same output as the one-FFT filter planned with a 1000× stricter tail tolerance:
    /// within 0.5 µV on signals of several millivolts, everywhere including the edges, and no
    /// further from it than the one-FFT filter at the same tolerance.
    @Test(arguments: [(250.0, 10.0), (257.0, 10.0), (360.0, 10.0), (500.0, 10.0), (500.0, 2.5),
                      (1000.0, 10.0), (500.0, 300.0)])
    func matchesTheSingleFFTFilter(fs: Double, seconds: Double) throws {
        let response = ECGFilters.baselineWander() * ECGFilters.lowPass(cutoff: 40)
        let split = try ConditioningFilter(response: response, samplingFrequency: fs, rigor: .estimate,
                                           tailTolerance: 1e-7)
        let reference = try ZeroPhaseFilter(response: response, samplingFrequency: fs, minimumBlockSize: 1 << 16,
                                            rigor: .estimate, tailTolerance: 1e-10)
        let x = ecgLike(fs: fs, seconds: seconds, seed: UInt64(fs))
        let single = try ZeroPhaseFilter(response: response, samplingFrequency: fs, rigor: .estimate,
                                         tailTolerance: 1e-7)
        let a = try split.apply(x), b = reference.apply(x), c = single.apply(x)
        let worst = zip(a, b).map { abs(Double($0) - Double($1)) }.max() ?? 1
        let singleWorst = zip(c, b).map { abs(Double($0) - Double($1)) }.max() ?? 0
        #expect(a.count == x.count)
        #expect(worst < 5e-4, "largest difference \(worst) mV")
        #expect(worst <= singleWorst, "largest difference \(worst) mV, one-FFT filter \(singleWorst) mV")
    }

    @Test func mainsNotchesStayOnTheFullRatePart() throws {
        let fs = 500.0
        let response = ECGFilters.diagnostic(samplingFrequency: fs, powerline: .hz50, lowPassCutoff: 150)
        let split = try ConditioningFilter(response: response, samplingFrequency: fs, rigor: .estimate,
                                           tailTolerance: 1e-7)
        let reference = try ZeroPhaseFilter(response: response, samplingFrequency: fs, minimumBlockSize: 1 << 16,
                                            rigor: .estimate, tailTolerance: 1e-10)
        let x = ecgLike(fs: fs, seconds: 10, seed: 9)
        let worst = try zip(split.apply(x), reference.apply(x)).map { abs(Double($0) - Double($1)) }.max() ?? 1
        #expect(worst < 5e-4, "largest difference \(worst) mV")
    }

    /// Without a high-pass there is nothing to split: the output is the plain filter's.
    @Test func responsesWithoutAHighPassAreFilteredWhole() throws {
        let response = ECGFilters.lowPass(cutoff: 40)
        let filter = try ConditioningFilter(response: response, samplingFrequency: 500, rigor: .estimate)
        let plain = try ZeroPhaseFilter(response: response, samplingFrequency: 500, rigor: .estimate)
        let x = ecgLike(fs: 500, seconds: 10, seed: 4)
        #expect(try filter.apply(x) == plain.apply(x))
    }

    @Test func shortSignals() throws {
        let filter = try ConditioningFilter(response: ECGFilters.baselineWander() * ECGFilters.lowPass(cutoff: 40),
                                            samplingFrequency: 500, rigor: .estimate)
        #expect(try filter.apply([]).isEmpty)
        // A constant is all baseline: the high-pass removes it.
        for count in [1, 2, 7, 100, 1250] {
            let out = try filter.apply([Float](repeating: 1.5, count: count))
            #expect(out.count == count)
            #expect(out.allSatisfy { abs($0) < 1e-4 }, "length \(count)")
        }
    }
}

@Suite struct MirrorWalkTests {
    @Test func visitsTheReflectedIndices() {
        for count in [1, 2, 3, 10, 5000] {
            for stride in [1, 3, 10] {
                for start in [-25_003, -7, -1, 0, 4, count - 1, count + 11, 3 * count] {
                    var walk = MirrorWalk(start: start, stride: stride, count: count)
                    for step in 0..<200 {
                        let expected = ZeroPhaseFilter.reflect(start + step * stride, count: count)
                        #expect(walk.next() == expected, "count \(count) stride \(stride) start \(start) step \(step)")
                    }
                }
            }
        }
    }
}

@Suite struct FFTLengthTests {
    @Test func smallestFastLengthAtLeastTheCount() {
        #expect(FFTLength.atLeast(1) == 8)
        #expect(FFTLength.atLeast(5000) == 5120)
        #expect(FFTLength.atLeast(5121) == 6144)
        #expect(FFTLength.atLeast(6145) == 8192)
        #expect(FFTLength.atLeast(8193) == 10240)
        for n in stride(from: 1, to: 100_000, by: 997) {
            let length = FFTLength.atLeast(n)
            #expect(length >= n && length % 8 == 0 && Double(length) < 1.34 * Double(max(n, 6)))
        }
    }
}

@Suite struct MirrorExtensionTests {
    @Test func copiesTheReflectedSamples() {
        for count in [1, 2, 3, 10, 257] {
            let x = (0..<count).map { Float($0) * 0.5 - 3 }
            for origin in [-1000, -257, -3, 0, 5, count - 1, count + 4, 2 * count + 1] {
                let length = 700
                var block = [Double](repeating: .nan, count: length)
                x.withUnsafeBufferPointer { source in
                    block.withUnsafeMutableBufferPointer { MirrorExtension.fill($0.baseAddress!, count: length, from: source, origin: origin) }
                }
                let expected = (0..<length).map { Double(x[ZeroPhaseFilter.reflect(origin + $0, count: count)]) }
                #expect(block == expected, "count \(count) origin \(origin)")
                // The single-precision FFT's input: the same samples as floats.
                var floats = [Float](repeating: .nan, count: length)
                x.withUnsafeBufferPointer { source in
                    floats.withUnsafeMutableBufferPointer { MirrorExtension.fill($0.baseAddress!, count: length, from: source, origin: origin) }
                }
                #expect(floats.map(Double.init) == expected, "floats, count \(count) origin \(origin)")
            }
        }
    }
}

@Suite struct FFTWisdomTests {
    @Test func exportedWisdomImportsAndGarbageDoesNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wisdom-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try FFTPlanCache().plan(count: 96, rigor: .measure)
        _ = try FFTPlanCache().singlePrecisionPlan(count: 96, rigor: .measure)
        let file = folder.appendingPathComponent("fftw-wisdom")
        #expect(FFTWisdom.export(to: file))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("(fftw-3") && text.contains("fftw_wisdom"))
        // Single-precision plans' wisdom is FFTW's fftwf library's own, kept beside it.
        let single = try String(contentsOf: URL(fileURLWithPath: FFTWisdom.singlePrecisionPath(file)), encoding: .utf8)
        #expect(single.hasPrefix("(fftw-3") && single.contains("fftwf_wisdom"))
        #expect(FFTWisdom.import(from: file))
        let garbage = folder.appendingPathComponent("garbage")
        try "not wisdom".write(to: garbage, atomically: true, encoding: .utf8)
        #expect(!FFTWisdom.import(from: garbage))
        #expect(!FFTWisdom.import(from: folder.appendingPathComponent("missing")))
        #expect(!FFTWisdom.export(to: folder.appendingPathComponent("no/such/folder/wisdom")))
    }
}
