import Foundation

/// Deterministic pseudo-random numbers for reproducible test signals (SplitMix64).
///
/// The test targets that build signals without the Synthesis module share this one; its
/// sequence is fixed so that every test signal is the same on every machine.
public struct SplitMix {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A standard normal value (Box–Muller, one value per pair).
    public mutating func nextGaussian() -> Double {
        let u = max(nextUniform(), 1e-300), v = nextUniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
