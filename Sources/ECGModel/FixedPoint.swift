import Foundation

/// Numbers with a fixed count of decimals, as `String(format: "%.2f", x)` writes them, byte for
/// byte, without going through Foundation's formatter (which costs microseconds a call, and
/// batch outputs format dozens of numbers per record).
public enum FixedPoint {
    /// `value` with `decimals` digits after the point: exactly `String(format: "%.<decimals>f")`
    /// (with `"%+.<decimals>f"` when `plus` is set), including "-0.00" for small negative values.
    ///
    /// printf rounds the exact binary value to the nearest decimal, ties to even. The scaled
    /// value `|value| · 10^decimals` is computed with one rounding, off by under 1.2·10⁻⁷ below
    /// 10⁹, so whenever its fraction is more than 10⁻⁶ away from one half, rounding it gives the
    /// same digits; the rare values near a tie, and large, non-finite or over-precise requests,
    /// are left to `String(format:)`.
    public static func text(_ value: Double, decimals: Int, plus: Bool = false) -> String {
        guard value.isFinite, (0...9).contains(decimals) else { return formatted(value, decimals, plus) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = value.magnitude * scale
        guard scaled < 1e9 else { return formatted(value, decimals, plus) }
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        guard abs(fraction - 0.5) > 1e-6 else { return formatted(value, decimals, plus) }
        let units = Int(whole) + (fraction > 0.5 ? 1 : 0)
        let divisor = Int(scale)
        var text = value.sign == .minus ? "-" : (plus ? "+" : "")
        text += String(units / divisor)
        if decimals > 0 {
            let digits = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    private static func formatted(_ value: Double, _ decimals: Int, _ plus: Bool) -> String {
        String(format: plus ? "%+.\(decimals)f" : "%.\(decimals)f", value)
    }
}
