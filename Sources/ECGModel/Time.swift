/// A duration or time offset in milliseconds.
///
/// Intervals (PR, QRS, QT…) travel as `Milliseconds`; positions in a signal travel as sample
/// indices (`Int`). Converting between the two always goes through ``SamplingFrequency``, so
/// the classic "samples used as ms" bug cannot type-check.
public struct Milliseconds: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    public var value: Double

    public init(_ value: Double) { self.value = value }

    public static let zero = Milliseconds(0)
    public static func + (a: Milliseconds, b: Milliseconds) -> Milliseconds { Milliseconds(a.value + b.value) }
    public static func - (a: Milliseconds, b: Milliseconds) -> Milliseconds { Milliseconds(a.value - b.value) }
    public static func < (a: Milliseconds, b: Milliseconds) -> Bool { a.value < b.value }
    public static func * (a: Milliseconds, k: Double) -> Milliseconds { Milliseconds(a.value * k) }
    public static func / (a: Milliseconds, k: Double) -> Milliseconds { Milliseconds(a.value / k) }

    /// The same duration in seconds.
    public var seconds: Double { value / 1000 }

    public var description: String { "\(value) ms" }
}

/// A sampling frequency in hertz, with the conversions between sample counts and time.
public struct SamplingFrequency: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var hertz: Double

    public init(hertz: Double) { self.hertz = hertz }

    public static func < (a: SamplingFrequency, b: SamplingFrequency) -> Bool { a.hertz < b.hertz }

    /// The time spanned by `samples` sample periods.
    public func duration(ofSamples samples: Int) -> Milliseconds {
        Milliseconds(Double(samples) * 1000 / hertz)
    }

    /// The time spanned by a fractional number of sample periods (e.g. an interpolated offset).
    public func duration(ofSamples samples: Double) -> Milliseconds {
        Milliseconds(samples * 1000 / hertz)
    }

    /// The number of sample periods in `duration`, rounded to the nearest sample.
    public func samples(in duration: Milliseconds) -> Int {
        Int((duration.value * hertz / 1000).rounded())
    }

    public var description: String {
        hertz == hertz.rounded() ? "\(Int(hertz)) Hz" : "\(hertz) Hz"
    }
}
