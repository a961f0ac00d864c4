/// The transform lengths the filters choose from when they size a block to a signal.
///
/// Lengths 2^k, 3·2^k and 5·2^k (k ≥ 3) are fast in FFTW, come within 25 % of any length, and
/// keep the number of distinct plans per process small (each costs planning time once).
/// Every one is a multiple of 8, which the decimating filters rely on.
public enum FFTLength {
    /// The smallest such length that is at least `count`.
    public static func atLeast(_ count: Int) -> Int {
        var best = Int.max
        for base in [8, 24, 40] {
            var length = base
            while length < count { length *= 2 }
            best = min(best, length)
        }
        return best
    }
}
