import Foundation
import Synthesis

/// A beat's waveform as a sum of Gaussian waves, times relative to the R peak (s), amplitudes in mV.
struct BeatShape {
    var waves: [(time: Double, width: Double, amplitude: Double)]

    static func normal(r: Double = 1.0, t: Double = 0.3) -> BeatShape {
        BeatShape(waves: [(-0.16, 0.025, 0.12), (-0.025, 0.008, -0.1 * r), (0, 0.010, r),
                          (0.025, 0.008, -0.2 * r), (0.28, 0.045, t)])
    }

    /// A premature ventricular beat: wide, tall, opposite T wave, no P wave.
    static let ventricular = BeatShape(waves: [(-0.02, 0.030, 1.6), (0.04, 0.035, -0.8), (0.30, 0.06, -0.5)])

    /// A ventricular-paced beat: a 1 ms, 4 mV pacing spike 40 ms before a wide complex.
    static let paced = BeatShape(waves: [(-0.04, 0.0007, 4.0), (0, 0.035, 1.2), (0.05, 0.03, -0.6), (0.32, 0.06, -0.4)])

    func value(at dt: Double) -> Double {
        var v = 0.0
        for w in waves {
            let z = (dt - w.time) / w.width
            if abs(z) < 6 { v += w.amplitude * exp(-0.5 * z * z) }
        }
        return v
    }
}

/// A synthetic record with beats at known samples.
struct SyntheticECG {
    var samplingFrequency: Double
    var leads: [[Float]]
    /// The sample of each beat's main deflection.
    var beats: [Int]

    /// Beats at `times` (s) with `shapes`; each lead sees the beat scaled by its gain.
    init(fs: Double, seconds: Double, times: [Double], shapes: [BeatShape], leadGains: [Double] = [1]) {
        samplingFrequency = fs
        let n = Int(fs * seconds)
        leads = leadGains.map { gain in
            var x = [Float](repeating: 0, count: n)
            for (t, shape) in zip(times, shapes) {
                let centre = Int((t * fs).rounded())
                for i in max(0, centre - Int(0.5 * fs))..<min(n, centre + Int(0.7 * fs)) {
                    x[i] += Float(gain * shape.value(at: Double(i - centre) / fs))
                }
            }
            return x
        }
        beats = times.map { Int(($0 * fs).rounded()) }
    }

    /// Regular-ish sinus rhythm between `rate` bpm ± 10 % with the given shape.
    static func rhythm(fs: Double, seconds: Double, rate: Double = 72, shape: BeatShape = .normal(),
                       leadGains: [Double] = [1], seed: UInt64 = 1) -> SyntheticECG {
        var g = SplitMix64(seed: seed)
        var times: [Double] = []
        var t = 0.4
        while t < seconds - 0.5 {
            times.append(t)
            t += 60 / rate * (0.9 + 0.2 * g.nextUnit())
        }
        return SyntheticECG(fs: fs, seconds: seconds, times: times,
                            shapes: Array(repeating: shape, count: times.count), leadGains: leadGains)
    }

    mutating func addNoise(lead: Int, rms: Double, seed: UInt64) {
        var g = SplitMix64(seed: seed)
        for i in leads[lead].indices { leads[lead][i] += Float(rms * g.nextGaussian()) }
    }

    mutating func addWander(amplitude: Double, frequency: Double) {
        for l in leads.indices {
            for i in leads[l].indices {
                let t = Double(i) / samplingFrequency
                leads[l][i] += Float(amplitude * sin(2 * Double.pi * frequency * t) + 0.5 * amplitude * sin(2 * Double.pi * 0.05 * t))
            }
        }
    }

    /// Muscle noise: bursts of band-limited noise (moving sum of white noise).
    mutating func addMuscleNoise(lead: Int, rms: Double, seed: UInt64) {
        var g = SplitMix64(seed: seed)
        let white = (0..<leads[lead].count).map { _ in g.nextGaussian() }
        let k = max(1, Int(samplingFrequency / 100))  // ≈ 50 Hz bandwidth
        var sum = 0.0
        for i in white.indices {
            sum += white[i]
            if i >= k { sum -= white[i - k] }
            leads[lead][i] += Float(rms * sum / Double(k).squareRoot())
        }
    }
}
