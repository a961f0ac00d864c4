import ECGModel

/// One beat placed in the record.
struct ScheduledBeat: Sendable {
    /// QRS onset, in samples from the record start.
    var onset: Int
    var template: BeatTemplate
}

/// Places beats in time: the dominant pacemaker's cycle, ectopic prematurity, pauses.
///
/// Times are kept in continuous milliseconds and rounded to a sample only when a beat is placed,
/// so rounding never accumulates and the mean RR equals the configured cycle.
struct Scheduler {
    let configuration: SyntheticECG
    let dominant: BeatTemplate
    let prematureVentricular: BeatTemplate?
    let prematureAtrial: BeatTemplate?

    /// Time before the first beat's first wave.
    static let leadIn = Milliseconds(200)

    /// The underlying cycle length in milliseconds.
    var baseCycle: Double {
        switch configuration.rhythm {
        case .atrialFlutter(let atrialRate, let ratio, _): Double(ratio) * 60_000 / atrialRate
        default: 60_000 / configuration.heartRate
        }
    }

    /// QRS onset of the first beat in milliseconds.
    var firstOnsetTime: Double {
        Self.leadIn.value + configuration.samplingFrequency.duration(ofSamples: -dominant.firstSample).value
    }

    func schedule(sampleCount: Int) throws(SynthesisError) -> [ScheduledBeat] {
        let c = configuration
        let fs = c.samplingFrequency.hertz
        var ectopics: [Int: EctopicBeat] = [:]
        for e in c.ectopicBeats { ectopics[e.beatIndex] = e }
        if ectopics[0] != nil {
            throw SynthesisError(record: c.name, "an ectopic beat needs a preceding beat: index 0 is not allowed")
        }
        let variability: Double
        switch c.rhythm {
        case .atrialFibrillation: variability = c.rrVariability ?? 0.3
        case .atrialFlutter: variability = 0
        default: variability = c.rrVariability ?? 0
        }
        let resetsOnEctopy: Bool = if case .ventricularPaced = c.rhythm { true } else { false }
        var rng = SplitMix64(seed: c.seed, stream: 1)

        var beats: [ScheduledBeat] = []
        var dominantTime = firstOnsetTime
        var previousTime = dominantTime
        var index = 0
        while true {
            var time = dominantTime
            var template = dominant
            if index > 0 {
                let cycle: Double
                if let list = c.rrIntervals, !list.isEmpty {
                    cycle = list[(index - 1) % list.count].value
                } else {
                    cycle = baseCycle * (1 + variability * rng.nextSymmetric())
                }
                dominantTime += cycle
                time = dominantTime
                if let ectopic = ectopics[index] {
                    time = previousTime + ectopic.couplingFraction * cycle
                    switch ectopic.kind {
                    case .prematureVentricular:
                        template = prematureVentricular ?? dominant
                        if resetsOnEctopy { dominantTime = time }
                    case .prematureAtrial:
                        template = prematureAtrial ?? dominant
                        dominantTime = time
                    }
                }
            }
            let onset = Int((time * fs / 1000).rounded())
            if onset + template.lastSample > sampleCount - 2 { break }
            if let previous = beats.last {
                let gap = (onset + template.firstSample) - (previous.onset + previous.template.lastSample)
                if gap < 2 {
                    throw SynthesisError(record: c.name,
                        "beat \(index) starts before beat \(index - 1)'s T wave ends; shorten QT or PR, or lengthen RR")
                }
            }
            beats.append(ScheduledBeat(onset: onset, template: template))
            previousTime = time
            index += 1
        }
        return beats
    }
}
