/// How time and voltage map onto ECG paper: paper speed (mm/s) and gain (mm/mV).
///
/// Every plot is drawn in millimetres of paper, so the 1 mm and 5 mm grid keep their meaning
/// whatever the scale: at 25 mm/s a small square is 40 ms and a large one 200 ms; at 10 mm/mV a
/// small square is 0.1 mV.
public struct PaperScale: Sendable, Equatable {
    /// Paper speed in millimetres per second (25 is the standard, 50 spreads fast rhythms).
    public var speed: Double
    /// Gain in millimetres per millivolt (10 is the standard; 5 halves tall QRS complexes).
    public var gain: Double

    public init(speed: Double = 25, gain: Double = 10) {
        self.speed = speed
        self.gain = gain
    }

    /// 25 mm/s, 10 mm/mV.
    public static let standard = PaperScale()

    /// Paper millimetres spanned by `seconds`.
    public func millimetres(seconds: Double) -> Double { seconds * speed }

    /// Paper millimetres spanned by `millivolts` (positive upwards on paper).
    public func millimetres(millivolts: Double) -> Double { millivolts * gain }
}
