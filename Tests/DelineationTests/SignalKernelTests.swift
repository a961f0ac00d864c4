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

    /// The vectorised detrended argmax returns the scalar scan's index, ties included.
    @Test func detrendedArgmaxMatchesTheScan() {
        var x = noise(600, seed: 9).map { ($0 * 8).rounded() / 8 }   // coarse values: many ties
        x[300] = 5
        for (lo, hi) in [(0, 599), (3, 17), (10, 40), (100, 331), (250, 300), (301, 599), (7, 7)] {
            for (level, slope) in [(Float(0), Float(0)), (Float(0.5), Float(-0.01)), (Float(-1), Float(0.003))] {
                let chord = SignalMath.Chord(start: lo, level: level, slope: slope)
                for (sign, absolute) in [(Float(1), false), (Float(-1), false), (Float(1), true)] {
                    var best = lo
                    func v(_ i: Int) -> Float {
                        let y = chord.detrended(x[i], at: i)
                        return absolute ? abs(y) : sign * y
                    }
                    for i in lo...hi where v(i) > v(best) { best = i }
                    #expect(SignalMath.argmax(x, lo...hi, chord: chord, sign: sign, absolute: absolute) == best,
                            "range \(lo)...\(hi) sign \(sign) absolute \(absolute)")
                }
            }
        }
    }

    /// The dot product of centred unit vectors is the Pearson correlation; constant vectors
    /// correlate 0 with anything.
    @Test func pearsonCorrelationByUnitVectors() {
        let a = noise(852, seed: 5), b = zip(noise(852, seed: 6), a).map { 0.3 * $0 + $1 + 2 }
        func pearson(_ x: [Float], _ y: [Float]) -> Double {
            let mx = x.reduce(0.0) { $0 + Double($1) } / Double(x.count)
            let my = y.reduce(0.0) { $0 + Double($1) } / Double(y.count)
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for (u, v) in zip(x, y) {
                sxy += (Double(u) - mx) * (Double(v) - my)
                sxx += (Double(u) - mx) * (Double(u) - mx); syy += (Double(v) - my) * (Double(v) - my)
            }
            return sxy / (sxx * syy).squareRoot()
        }
        let r = SignalMath.dot(SignalMath.centredUnitVector(a), SignalMath.centredUnitVector(b))
        #expect(abs(r - pearson(a, b)) < 1e-12)
        #expect(r > 0.9 && r < 1)
        let flat = [Float](repeating: 0.7, count: 852)
        #expect(SignalMath.dot(SignalMath.centredUnitVector(flat), SignalMath.centredUnitVector(a)) == 0)
    }

    /// Column medians of separate rows, with few rows (sorting network) and many (sorting).
    @Test(arguments: [1, 4, 7, 48, 49, 120])
    func columnMedians(rows count: Int) {
        let rows = (0..<count).map { noise(71, seed: UInt64(1000 + $0)) }
        let medians = MedianBeat.columnMedians(rows)
        #expect(medians.count == 71)
        for s in 0..<71 {
            let column = rows.map { $0[s] }.sorted()
            let m = count / 2
            #expect(medians[s] == (count % 2 == 1 ? column[m] : (column[m - 1] + column[m]) / 2))
        }
    }

    /// The sorting-network median equals the median of each sorted column, for odd and even
    /// beat counts and lengths that do not fill the last group of eight samples.
    @Test(arguments: Array(1...48))
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
