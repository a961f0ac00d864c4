import Testing
@testable import Delineation

/// The vectorised kernels against their plain definitions.
struct SignalKernelTests {
    private func noise(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2_000_001) / 1_000_000 - 1
        }
    }

    @Test(arguments: [1, 3, 5, 13, 25])
    func boxcarIsTheClippedMovingAverage(width: Int) {
        for count in [1, 2, 7, 26, 33, 100, 5000] {
            let x = noise(count, seed: UInt64(count * 31 + width))
            let y = SignalMath.boxcar(x, width: width)
            let half = width / 2
            for i in 0..<count {
                let lo = max(0, i - half), hi = min(count - 1, i + half)
                let mean = (lo...hi).reduce(0.0) { $0 + Double(x[$1]) } / Double(hi - lo + 1)
                #expect(abs(Double(y[i]) - mean) < 1e-6, "width \(width) count \(count) sample \(i)")
            }
        }
    }

    @Test func absoluteDifferenceSum() {
        for count in [0, 1, 8, 13, 1001] {
            let a = noise(count, seed: 1), b = noise(count, seed: 2)
            let expected = zip(a, b).reduce(0.0) { $0 + Double(abs($1.0 - $1.1)) }
            let got = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { SignalMath.absoluteDifferenceSum(a, $0) } }
            #expect(abs(Double(got) - expected) <= 1e-5 * max(1, expected))
        }
    }

    /// The sorting-network median equals the median of each sorted column, for odd and even
    /// beat counts and lengths that do not fill the last group of eight samples.
    @Test(arguments: [1, 2, 3, 8, 11, 24, 48])
    func medianBeatColumns(beats: Int) {
        let x = noise(3000, seed: UInt64(beats))
        let length = 203
        let starts = (0..<beats).map { ($0 * 53) % (3000 - length) }
        let medians = MedianBeat.medians(of: x, starts: starts, length: length)
        for s in 0..<length {
            let column = starts.map { x[$0 + s] }.sorted()
            let m = beats / 2
            let expected = beats % 2 == 1 ? column[m] : (column[m - 1] + column[m]) / 2
            #expect(medians[s] == expected, "beats \(beats) sample \(s)")
        }
    }
}
