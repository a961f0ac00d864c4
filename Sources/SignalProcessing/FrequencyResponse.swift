import Foundation

/// A real, zero-phase gain as a function of frequency, built from smooth stages.
///
/// Every transition band is a raised-cosine ramp, so the impulse response decays fast and
/// block filtering needs only a short overlap. Stages multiply: a band-pass is a high-pass
/// times a low-pass, and notches can be added on top.
public struct FrequencyResponse: Sendable, Equatable {
    /// One multiplicative stage.
    public enum Stage: Sendable, Equatable {
        /// Gain 0 up to `stop` Hz, rising (raised cosine) to 1 at `pass` Hz.
        case highPass(stop: Double, pass: Double)
        /// Gain 1 up to `pass` Hz, falling (raised cosine) to 0 at `stop` Hz.
        case lowPass(pass: Double, stop: Double)
        /// Gain 0 within `halfWidth` Hz of `center`, back to 1 at `2 × halfWidth` (a notch).
        case notch(center: Double, halfWidth: Double)
    }

    public var stages: [Stage]

    public init(stages: [Stage]) { self.stages = stages }

    /// Gain 1 everywhere.
    public static let identity = FrequencyResponse(stages: [])

    /// A high-pass whose gain is ½ (−6 dB) at `cutoff` Hz, with a transition from ½ to 3⁄2 × cutoff.
    public static func highPass(cutoff: Double) -> FrequencyResponse {
        FrequencyResponse(stages: [.highPass(stop: cutoff / 2, pass: cutoff * 1.5)])
    }

    /// A low-pass whose gain is ½ (−6 dB) at `cutoff` Hz, with a transition of ±20 % around it.
    public static func lowPass(cutoff: Double) -> FrequencyResponse {
        FrequencyResponse(stages: [.lowPass(pass: cutoff * 0.8, stop: cutoff * 1.2)])
    }

    /// Notches at the mains frequency and its harmonics below `nyquist` (±1 Hz stop band).
    public static func powerline(_ frequency: Double, nyquist: Double) -> FrequencyResponse {
        var stages: [Stage] = []
        var harmonic = frequency
        while harmonic < nyquist - 1 {
            stages.append(.notch(center: harmonic, halfWidth: 1))
            harmonic += frequency
        }
        return FrequencyResponse(stages: stages)
    }

    /// The product of two responses.
    public static func * (a: FrequencyResponse, b: FrequencyResponse) -> FrequencyResponse {
        FrequencyResponse(stages: a.stages + b.stages)
    }

    /// The gain at `frequency` Hz.
    public func gain(at frequency: Double) -> Double {
        var g = 1.0
        for stage in stages {
            switch stage {
            case let .highPass(stop, pass):
                g *= 1 - Self.ramp(frequency, from: stop, to: pass, rising: false)
            case let .lowPass(pass, stop):
                g *= Self.ramp(frequency, from: pass, to: stop, rising: false)
            case let .notch(center, halfWidth):
                let d = abs(frequency - center)
                g *= 1 - Self.ramp(d, from: halfWidth, to: 2 * halfWidth, rising: false)
            }
            if g == 0 { return 0 }
        }
        return g
    }

    /// 1 below `from`, 0 above `to`, a raised cosine between.
    private static func ramp(_ x: Double, from lower: Double, to upper: Double, rising: Bool) -> Double {
        if x <= lower { return 1 }
        if x >= upper { return 0 }
        return 0.5 * (1 + cos(Double.pi * (x - lower) / (upper - lower)))
    }
}
