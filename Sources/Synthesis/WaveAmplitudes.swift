/// Dipole magnitudes of the waves, in millivolts.
///
/// These are magnitudes of the heart vector, not of any one lead: a lead sees the projection
/// onto its own axis (and precordial leads an extra proximity gain), so a lead's R wave is at
/// most about this tall. The measured per-lead amplitudes are in ``SyntheticTruth/leadAmplitudes``.
public struct WaveAmplitudes: Sendable, Equatable {
    /// P wave.
    public var p: Double
    /// Main ventricular depolarisation (R waves). Raise (≈ 2.5) for LVH-like voltages, lower
    /// (≈ 0.35) for low voltage.
    public var r: Double
    /// Terminal depolarisation (S waves in I, II and V5–V6).
    public var s: Double
    /// Initial septal depolarisation (q in I, aVL, V5–V6; r in V1).
    public var septalQ: Double
    /// T wave.
    public var t: Double

    public init(p: Double = 0.15, r: Double = 1.1, s: Double = 0.3, septalQ: Double = 0.12,
                t: Double = 0.3) {
        self.p = p
        self.r = r
        self.s = s
        self.septalQ = septalQ
        self.t = t
    }

    /// Every wave scaled by `factor` (low voltage when below 1).
    public func scaled(by factor: Double) -> WaveAmplitudes {
        WaveAmplitudes(p: p * factor, r: r * factor, s: s * factor, septalQ: septalQ * factor,
                       t: t * factor)
    }
}
