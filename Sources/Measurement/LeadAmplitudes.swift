import ECGModel
import Delineation

/// Per-lead amplitudes, ST levels and net areas on the representative beat.
struct LeadAmplitudes {
    let fs: SamplingFrequency

    func measure(_ rep: RepresentativeBeat, leads: [Lead], labels: [String]) -> [LeadMeasurements] {
        let j60 = fs.samples(in: Milliseconds(60))
        let gb = rep.global
        return leads.indices.map { l in
            var m = LeadMeasurements(lead: leads[l], label: labels[l])
            guard l < rep.samples.count, l < rep.leads.count else { return m }
            let x = rep.samples[l]
            let base = rep.baseline[l]
            func amp(_ i: Int?) -> Double? {
                guard let i, i >= 0, i < x.count else { return nil }
                return Double(x[i] - base)
            }
            func area(_ a: Int?, _ b: Int?) -> Double? {
                guard let a, let b, a >= 0, b < x.count, b > a else { return nil }
                var sum = 0.0
                for i in a...b { sum += Double(x[i] - base) }
                return sum * 1000 / fs.hertz
            }
            let beat = rep.leads[l]
            if let q = beat.qrs {
                m.q = amp(q.q)
                m.r = amp(q.r)
                m.s = amp(q.s)
                m.rPrime = amp(q.rPrime)
                m.qrsDuration = fs.duration(ofSamples: q.offset - q.onset)
                if let qi = q.q, q.r == nil || qi < (q.r ?? 0) {
                    // Q duration: onset to the return to baseline after the Q trough.
                    var end = qi
                    while end < q.offset, x[end] < base { end += 1 }
                    m.qDuration = fs.duration(ofSamples: end - q.onset)
                }
            }
            m.stJ = amp(gb.qrsOffset)
            m.stJ60 = amp(gb.qrsOffset + j60)
            m.qrsArea = area(gb.qrsOnset, gb.qrsOffset)
            if let p = beat.p {
                m.p = Double(p.amplitude)
                m.pArea = area(gb.pOnset, gb.pOffset)
            }
            if let t = beat.t {
                m.t = Double(t.amplitude)
                m.tArea = area(gb.qrsOffset, gb.tOffset)
            }
            return m
        }
    }
}
