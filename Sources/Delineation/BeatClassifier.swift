/// Types beats as dominant or ectopic from QRS morphology (multi-lead template correlation),
/// QRS width and prematurity.
struct BeatClassifier {
    let settings: DelineationSettings
    let sig: PreparedSignals

    /// The QRS region of one beat over all valid leads, each lead with its mean removed.
    func qrsVector(_ c: Int) -> [Float]? {
        let a = c - sig.samples(60), b = c + sig.samples(80)
        guard a >= 0, b < sig.count else { return nil }
        var v: [Float] = []
        v.reserveCapacity(sig.x.count * (b - a + 1))
        for l in sig.x.indices where sig.valid[l] {
            let seg = sig.x[l][a...b]
            let mean = seg.reduce(0, +) / Float(seg.count)
            v.append(contentsOf: seg.lazy.map { $0 - mean })
        }
        return v
    }

    func classify(centers: [Int], widths: [Int]) -> [BeatClassification] {
        let vectors = centers.map(qrsVector)
        let usable = vectors.indices.filter { vectors[$0] != nil }
        // Seed: the beat most others resemble; the template is the median of its look-alikes.
        var bestSeed: Int? = nil
        var bestCount = -1
        var corr = [[Double]](repeating: [Double](repeating: 0, count: centers.count), count: centers.count)
        // Pearson correlation is the dot product of the centred, unit-norm vectors: normalise
        // each beat once rather than once per pair.
        let unit = vectors.map { $0.map(SignalMath.centredUnitVector) }
        for i in usable {
            for j in usable where j > i {
                let c = SignalMath.dot(unit[i]!, unit[j]!)
                corr[i][j] = c; corr[j][i] = c
            }
        }
        for i in usable {
            let count = usable.filter { $0 != i && corr[i][$0] >= settings.morphologyCorrelation }.count
            if count > bestCount { bestCount = count; bestSeed = i }
        }
        var templateCorr = [Double](repeating: 1, count: centers.count)
        if let seed = bestSeed {
            let members = usable.filter { $0 == seed || corr[seed][$0] >= settings.morphologyCorrelation }
            let template = MedianBeat.columnMedians(members.compactMap { vectors[$0] })
            let unitTemplate = SignalMath.centredUnitVector(template)
            for i in usable { templateCorr[i] = SignalMath.dot(unit[i]!, unitTemplate) }
        }
        let similar = centers.indices.map { templateCorr[$0] >= settings.morphologyCorrelation }
        let dominantWidths = centers.indices.filter { similar[$0] }.map { widths[$0] }
        let typicalWidth = SignalMath.median(dominantWidths) ?? 0
        var rrs: [Double] = []
        for k in centers.indices.dropFirst() where similar[k] && similar[k - 1] {
            rrs.append(Double(centers[k] - centers[k - 1]))
        }
        let rr = SignalMath.median(rrs)
        return centers.indices.map { k in
            let prematurity: Double? = (k > 0 && rr != nil) ? Double(centers[k] - centers[k - 1]) / rr! : nil
            let early = (prematurity ?? 1) < settings.prematurity
            let type: BeatType
            if similar[k] {
                type = early ? .supraventricularPremature : .dominant
            } else {
                let wide = widths[k] >= sig.samples(settings.wideQRS) || widths[k] - typicalWidth >= sig.samples(30)
                type = wide ? .ventricular : .otherMorphology
            }
            return BeatClassification(type: type, templateCorrelation: templateCorr[k], prematurity: prematurity)
        }
    }
}
