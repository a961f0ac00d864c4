import ECGModel
import Delineation
import Synthesis

/// Runs the delineation stage on a synthetic record and pairs each truth beat with the
/// delineated beat nearest to it.
struct SyntheticRun {
    let truth: SyntheticTruth
    let output: DelineationPipeline.Output
    /// Truth beat → delineated beat (nil when no delineated beat is within 100 ms of its R peak).
    let pairs: [(truth: BeatTruth, beat: DelineatedBeat?)]

    init(_ config: SyntheticECG) throws {
        let (record, truth) = try config.generate()
        self.truth = truth
        output = try DelineationPipeline().run(record)
        let fs = record.samplingFrequency
        let limit = fs.samples(in: Milliseconds(100))
        let beats = output.delineation.beats
        pairs = truth.beats.map { t in
            let nearest = beats.min { abs($0.global.qrsOnset - t.qrsOnset) < abs($1.global.qrsOnset - t.qrsOnset) }
            if let nearest, abs(nearest.global.qrsOnset - t.qrsOnset) <= limit { return (t, nearest) }
            return (t, nil)
        }
    }

    var delineation: RecordDelineation { output.delineation }
    var fs: SamplingFrequency { delineation.samplingFrequency }

    /// Milliseconds per sample.
    var msPerSample: Double { 1000 / fs.hertz }

    /// The largest |error| in ms of a global fiducial over the matched beats of `type`.
    func worstError(_ type: Synthesis.BeatType = .normal, _ pick: (BeatTruth, GlobalBeat) -> (Int?, Int?)) -> Double? {
        var worst: Double? = nil
        for (t, b) in pairs where t.type == type {
            guard let b else { continue }
            let (truthValue, found) = pick(t, b.global)
            guard let truthValue, let found else { continue }
            worst = max(worst ?? 0, Double(abs(found - truthValue)) * msPerSample)
        }
        return worst
    }

    /// The index of a lead in the record.
    func leadIndex(_ lead: Lead) -> Int? { delineation.leads.firstIndex(of: lead) }
}
