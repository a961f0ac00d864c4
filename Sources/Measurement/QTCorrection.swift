import Foundation
import ECGModel

/// The QT interval corrected for heart rate by the four formulas in common use.
///
/// RR is in seconds inside the formulas; all results are in milliseconds.
public struct CorrectedQT: Sendable, Equatable {
    /// Bazett: QT / √RR.
    public var bazett: Milliseconds
    /// Fridericia: QT / ∛RR.
    public var fridericia: Milliseconds
    /// Framingham (Sagie 1992): QT + 154 ms × (1 − RR).
    public var framingham: Milliseconds
    /// Hodges: QT + 1.75 × (HR − 60) with HR in beats per minute.
    public var hodges: Milliseconds

    /// Corrects `qt` for the RR interval `rr`; `nil` for a non-positive RR.
    public init?(qt: Milliseconds, rr: Milliseconds) {
        let rrs = rr.seconds
        guard rrs > 0, rrs.isFinite else { return nil }
        bazett = Milliseconds(qt.value / rrs.squareRoot())
        fridericia = Milliseconds(qt.value / Foundation.cbrt(rrs))
        framingham = Milliseconds(qt.value + 154 * (1 - rrs))
        hodges = Milliseconds(qt.value + 1.75 * (60 / rrs - 60))
    }
}
