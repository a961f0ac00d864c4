import Foundation

/// The mains frequency whose interference a record carries.
public enum PowerlineFrequency: Double, Sendable, CaseIterable, CustomStringConvertible {
    case hz50 = 50
    case hz60 = 60

    public var description: String { "\(Int(rawValue)) Hz" }
}

/// Decides whether a recording picked up 50 Hz or 60 Hz mains interference.
///
/// ECG energy falls steadily above ~30 Hz, so mains hum shows as a narrow spectral line that
/// stands out from the neighbouring band. The detector compares, for each candidate, the power
/// at the line (Goertzel, O(n)) with the mean power ±3–6 Hz away, and picks the candidate
/// whose line stands out more.
public enum PowerlineDetector {
    /// A candidate's line-to-neighbourhood power ratio.
    public struct Prominence: Sendable, Equatable {
        public var frequency: PowerlineFrequency
        public var ratio: Double
    }

    /// The more prominent mains frequency, or `nil` when neither line rises `minimumRatio`
    /// times above its neighbourhood or the sampling rate cannot represent it.
    public static func detect(_ signal: [Float], samplingFrequency fs: Double,
                              minimumRatio: Double = 4) -> PowerlineFrequency? {
        let best = prominences(signal, samplingFrequency: fs).max { $0.ratio < $1.ratio }
        guard let best, best.ratio >= minimumRatio else { return nil }
        return best.frequency
    }

    /// Line prominence for each mains frequency below the Nyquist frequency.
    public static func prominences(_ signal: [Float], samplingFrequency fs: Double) -> [Prominence] {
        // Ten seconds are plenty to resolve a line 3 Hz from its neighbours.
        let n = min(signal.count, Int(fs * 20))
        guard n >= Int(fs) else { return [] }
        let window = Array(signal[0..<n])
        var result: [Prominence] = []
        for candidate in PowerlineFrequency.allCases where candidate.rawValue + 7 < fs / 2 {
            let line = power(window, at: candidate.rawValue, fs: fs)
            let offsets: [Double] = [-6, -5, -4, -3, 3, 4, 5, 6]
            let neighbours = offsets.map { power(window, at: candidate.rawValue + $0, fs: fs) }
            let floor = neighbours.reduce(0, +) / Double(neighbours.count)
            result.append(Prominence(frequency: candidate, ratio: line / max(floor, 1e-30)))
        }
        return result
    }

    /// Power at `frequency` by the Goertzel recurrence over a Hann-windowed signal.
    static func power(_ x: [Float], at frequency: Double, fs: Double) -> Double {
        let n = x.count
        let w = 2 * Double.pi * frequency / fs
        let coefficient = 2 * cos(w)
        var s1 = 0.0, s2 = 0.0
        for i in 0..<n {
            let hann = 0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(n - 1))
            let s = Double(x[i]) * hann + coefficient * s1 - s2
            s2 = s1
            s1 = s
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2
    }
}
