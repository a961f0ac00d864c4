import Foundation

/// A small seeded pseudo-random generator (Steele, Lea & Flood's SplitMix64).
///
/// Synthetic records must be reproducible bit for bit on every machine and every Swift release,
/// so the generator never touches system randomness, and it derives uniform and Gaussian values
/// with its own arithmetic instead of the standard library's `random(in:using:)`, whose
/// algorithm is not part of its contract.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator whose sequence is independent of this seed's other streams (noise, rhythm…).
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform value in [-1, 1).
    public mutating func nextSymmetric() -> Double {
        2 * nextUnit() - 1
    }

    /// A standard normal value (Box–Muller; the second value of each pair is discarded so the
    /// stream has no hidden state beyond ``state``).
    public mutating func nextGaussian() -> Double {
        let u1 = 1 - nextUnit() // (0, 1]: log stays finite
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
