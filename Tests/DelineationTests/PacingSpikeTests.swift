import Foundation
import Testing
@testable import Delineation

/// Pacemaker stimuli as recorders store them, and the steep QRS bends that must not pass for one.
struct PacingSpikeTests {
    static let fs = 500.0

    /// A flat baseline with a 2 mV, 40 ms QRS-like hump at 300 and whatever `edit` adds.
    static func lead(_ edit: (inout [Float]) -> Void = { _ in }) -> [Float] {
        var x = [Float](repeating: -0.053, count: 1000)
        for i in 0..<20 { x[300 + i] += Float(2 * sin(Double.pi * Double(i) / 20)) }
        edit(&x)
        return x
    }

    @Test func aStimulusThatDecaysOverAFewSamplesIsASpike() {
        // LUDB 95, lead III, as recorded: the baseline, a 0.46 mV jump, then 0.36, 0.17, 0.02 mV
        // of decay and a small bend 8 ms after the jump.
        let stimulus: [Float] = [-0.053, 0.41, 0.309, 0.113, -0.032, -0.032, -0.037, -0.037, -0.053, -0.063]
        let x = Self.lead { x in for (k, v) in stimulus.enumerated() { x[599 + k] = v } }
        #expect(PacingSpikes.detect([x], samplingFrequency: Self.fs) == [600])
    }

    @Test func aOneSampleStimulusIsASpike() {
        let x = Self.lead { x in x[600] = 4.95 }
        #expect(PacingSpikes.detect([x], samplingFrequency: Self.fs) == [600])
    }

    @Test func theBendsOfASteepQRSAreNotSpikes() {
        // PTB-XL 00067, V4: a 3 mV R wave falling 1 mV per sample into its S wave.
        let r: [Float] = [2.998, 3.122, 3.026, 2.782, 2.475, 2.056, 1.299, 0.29, -0.378, -0.375, -0.32, -0.273,
                          -0.237, -0.22, -0.2, -0.199, -0.201]
        let x = Self.lead { x in
            // Rising from the baseline over 20 ms, and back to it over 24 ms after the S wave.
            for k in 0..<10 { x[582 + k] = -0.053 + (2.998 + 0.053) * Float(k) / 10 }
            for (k, v) in r.enumerated() { x[592 + k] = v }
            for k in 0..<12 { x[609 + k] = -0.201 + 0.148 * Float(k + 1) / 12 }
        }
        #expect(PacingSpikes.detect([x], samplingFrequency: Self.fs).isEmpty)
        // The smooth QRS-like hump alone neither.
        #expect(PacingSpikes.detect([Self.lead()], samplingFrequency: Self.fs).isEmpty)
    }
}
