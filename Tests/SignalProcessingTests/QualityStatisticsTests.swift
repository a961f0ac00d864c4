import Testing
@testable import SignalProcessing

/// The quality index's helpers against direct computations: they were rewritten for speed and
/// must give the very same numbers (the lead screening's verdicts and every output depend on them).
@Suite struct QualityStatisticsTests {
    /// Deterministic pseudo-random samples with repeats (a linear congruential generator).
    private func samples(_ count: Int, seed: UInt64, levels: UInt64 = 1000) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int((state >> 33) % levels) - Int(levels / 2)) / 250
        }
    }

    @Test func selectionGivesTheSortedArraysElementAtEveryRank() {
        for (count, seed) in [(1, 1), (2, 2), (7, 3), (64, 4), (501, 5)] as [(Int, UInt64)] {
            for levels: UInt64 in [3, 1000] {
                let x = samples(count, seed: seed, levels: levels)
                let sorted = x.sorted()
                for k in 0..<count {
                    #expect(RankSelection.value(ofRank: k, in: x) == sorted[k], "n \(count), rank \(k)")
                    let j = (k * 7 + 3) % count
                    let pair = RankSelection.values(ofRanks: k, j, in: x)
                    #expect(pair.0 == sorted[k] && pair.1 == sorted[j], "n \(count), ranks \(k), \(j)")
                }
            }
        }
    }

    @Test func selectionOrdersSignsZerosAndExtremeMagnitudes() {
        let x: [Float] = [3, -0.0, 0, -1e-40, 1e-40, -.greatestFiniteMagnitude, .greatestFiniteMagnitude, -2.5, 2.5,
                          .infinity, -.infinity, 1, 1, -1]
        let sorted = x.sorted()
        for k in x.indices { #expect(RankSelection.value(ofRank: k, in: x) == sorted[k], "rank \(k)") }
    }

    @Test func extremesMatchTheSmallestAndLargestSampleAtEveryLength() {
        #expect(SignalQualityAssessor.extremes([]) == nil)
        for count in 1...40 {
            let x = samples(count, seed: UInt64(count))
            let found = SignalQualityAssessor.extremes(x)
            #expect(found?.0 == x.min() && found?.1 == x.max(), "n \(count)")
        }
    }

    @Test func runningMeanIsTheWindowAverageShrinkingAtTheEnds() {
        let x = samples(300, seed: 9)
        let window = 25, half = window / 2
        let mean = SignalQualityAssessor.runningMean(x, window: window)
        #expect(mean.count == x.count)
        for i in x.indices {
            let a = max(0, i - half), b = min(x.count, i + half + 1)
            let direct = x[a..<b].reduce(0.0) { $0 + Double($1) } / Double(b - a)
            #expect(abs(Double(mean[i]) - direct) < 1e-5, "sample \(i)")
        }
    }

    /// Lengths and windows that leave 0–3 samples after the four-at-a-time interior, and
    /// windows longer than the signal (no interior).
    @Test(arguments: [(400, 40), (403, 41), (405, 40), (406, 7), (30, 40), (9, 8)])
    func polarityIsTheLargestRiseOverTheLargestFallFromTheRunningMean(count: Int, window: Int) {
        let x = samples(count, seed: 11).enumerated().map { $0.element + ($0.offset % 50 == 0 ? 3 : 0) }
        let baseline = SignalQualityAssessor.runningMean(x, window: window)
        let up = zip(x, baseline).map { $0 - $1 }.max()!, down = zip(x, baseline).map { $1 - $0 }.max()!
        #expect(LimbLeadReversalCheck.polarity(x, window: window) == Double(max(up, 0)) / Double(max(down, 1e-6)))
        #expect(LimbLeadReversalCheck.polarity(x, window: window) > 1, "the added spikes point up")
    }

    /// Orphanidou's template correlation written out directly, one beat at a time.
    private func directCorrelation(_ x: [Float], starts: [Int], length: Int) -> Double? {
        func value(_ i: Int) -> Double { x[i].isFinite ? Double(x[i]) : 0 }
        var template = [Double](repeating: 0, count: length)
        for a in starts { for i in 0..<length { template[i] += value(a + i) } }
        let templateMean = template.reduce(0, +) / Double(length)
        template = template.map { $0 - templateMean }
        let energy = template.reduce(0) { $0 + $1 * $1 }
        guard energy > 0 else { return nil }
        var correlations: [Double] = []
        for a in starts {
            let mean = (0..<length).reduce(0.0) { $0 + value(a + $1) } / Double(length)
            var xt = 0.0, xx = 0.0
            for i in 0..<length {
                let v = value(a + i) - mean
                xt += v * template[i]
                xx += v * v
            }
            correlations.append(xx > 0 ? xt / (xx * energy).squareRoot() : 0)
        }
        correlations.sort()
        let m = correlations.count
        return m % 2 == 1 ? correlations[m / 2] : (correlations[m / 2 - 1] + correlations[m / 2]) / 2
    }

    @Test func beatConsistencyIsTheMedianCorrelationWithTheAverageBeat() {
        // 100 Hz: windows of 20 + 40 + 1 samples around each beat; some samples invalid.
        var x = samples(1000, seed: 13)
        x[130] = .nan
        x[510] = .infinity
        let consistency = BeatConsistency()
        for beats in [[100, 300, 500, 700, 900], [100, 300, 500, 700], [10, 150, 400, 990]] {
            let starts = beats.map { $0 - 20 }.filter { $0 >= 0 && $0 + 61 <= x.count }
            let found = consistency.correlation(x, beats: beats, samplingFrequency: 100)
            let expected = starts.count >= 3 ? directCorrelation(x, starts: starts, length: 61) : nil
            #expect(found == expected, "beats \(beats)")
        }
        #expect(consistency.correlation([Float](repeating: 1, count: 1000), beats: [100, 300, 500],
                                        samplingFrequency: 100) == nil, "a constant lead has no shape")
    }
}

@Suite struct LeadQualityTogetherTests {
    @Test func sumsOfLeadsTakenTogetherEqualEachLeadsOwn() {
        var state: UInt64 = 5
        func lead(_ count: Int) -> [Float] {
            (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Float(Int((state >> 33) % 4001) - 2000) / 997
            }
        }
        // Groups of four, a group cut short by a lead of another length, and a last group of three.
        let leads = (0..<13).map { lead($0 == 5 ? 480 : 500) }
        let together = SignalQualityAssessor.prefixSums(ofEach: leads)
        #expect(together.count == leads.count)
        for (l, x) in leads.enumerated() { #expect(together[l] == SignalQualityAssessor.prefixSums(x), "lead \(l)") }
    }
}
