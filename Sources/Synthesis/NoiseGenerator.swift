import ECGModel
import Foundation

/// Seeded interference for one record: each channel draws from its own random stream, so
/// adding a channel never changes another's noise.
struct NoiseGenerator {
    let options: NoiseOptions
    let samplingFrequency: SamplingFrequency
    let seed: UInt64

    func add(to signal: inout [Double], channel: Int) {
        var rng = SplitMix64(seed: seed, stream: 100 + UInt64(channel))
        let fs = samplingFrequency.hertz
        let o = options
        let wanderPhase = 2 * Double.pi * rng.nextUnit()
        let powerlinePhase = 2 * Double.pi * rng.nextUnit()
        var previousMuscle = rng.nextGaussian()
        for n in signal.indices {
            let t = Double(n) / fs
            var value = 0.0
            if o.gaussianRMS > 0 { value += o.gaussianRMS * rng.nextGaussian() }
            if o.muscleRMS > 0 {
                // First difference of white noise: a high-pass spectrum like surface EMG, with
                // variance 2σ², hence the 1/√2.
                let g = rng.nextGaussian()
                value += o.muscleRMS * (g - previousMuscle) / 2.0.squareRoot()
                previousMuscle = g
            }
            if o.baselineWanderAmplitude > 0 {
                value += o.baselineWanderAmplitude * sin(2 * Double.pi * o.baselineWanderFrequency * t + wanderPhase)
            }
            if o.powerlineAmplitude > 0 {
                value += o.powerlineAmplitude * sin(2 * Double.pi * o.powerlineFrequency * t + powerlinePhase)
            }
            signal[n] += value
        }
    }
}
