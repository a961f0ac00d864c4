import Delineation

/// Premature complexes and their patterns (bigeminy, trigeminy, couplets).
enum EctopyRules {
    static func isPremature(_ b: BeatObservation) -> Bool {
        (b.prematurity ?? 1) < Thresholds.prematurity
    }

    /// An atrial premature beat comes earlier than the sinus cycle it interrupts: typed premature
    /// against the dominant RR by the delineation, and its RR also below 85 % of the cycle just
    /// before it. In sinus arrhythmia the cycle shortens over several beats, so a short cycle
    /// that follows a shortening one is not premature; the first two beats have no preceding
    /// cycle to compare with and are not counted.
    static func interruptsTheCycle(_ beats: [BeatObservation], at k: Int) -> Bool {
        guard beats[k].type == .supraventricularPremature, k > 0,
              let rr = beats[k].rrBefore, let preceding = beats[k - 1].rrBefore else { return false }
        return rr < Thresholds.atrialPrematurity * preceding
    }

    static func evaluate(_ input: InterpretationInput, rhythm: StatementCode?) -> [Statement] {
        var out: [Statement] = []
        let beats = input.beats
        // In atrial fibrillation or flutter every RR is "premature" to some other: no APCs there.
        let atrialOrganised = rhythm != .atrialFibrillation && rhythm != .atrialFlutter
        let apcs = beats.indices.filter { interruptsTheCycle(beats, at: $0) }.count
        if atrialOrganised, apcs > 0 {
            out.append(Statement(code: .atrialPrematureComplexes, evidence: [
                Evidence(.prematureAtrialBeats, value: Double(apcs), unit: .count, threshold: "≥ 1",
                         met: true, criterion: .prematureComplexes)]))
        }
        let isV = beats.map { $0.type == .ventricular }
        let pvcs = beats.indices.filter { isV[$0] && isPremature(beats[$0]) }.count
        if pvcs > 0 {
            out.append(Statement(code: .ventricularPrematureComplexes, evidence: [
                Evidence(.prematureVentricularBeats, value: Double(pvcs), unit: .count, threshold: "≥ 1",
                         met: true, criterion: .prematureComplexes)]))
        }
        // Bigeminy: ≥ 3 consecutive V-N cycles; trigeminy: ≥ 3 consecutive V-N-N cycles.
        func cycles(period: Int) -> Int {
            var best = 0
            for start in isV.indices where isV[start] {
                var n = 0, k = start
                while k < isV.count, isV[k], (1..<period).allSatisfy({ k + $0 < isV.count && !isV[k + $0] }) {
                    n += 1; k += period
                }
                best = max(best, n)
            }
            return best
        }
        let big = cycles(period: 2), tri = cycles(period: 3)
        if big >= 3 {
            out.append(Statement(code: .ventricularBigeminy, evidence: [
                Evidence(.bigeminalCycles, value: Double(big), unit: .count, threshold: "≥ 3", met: true,
                         criterion: .prematureComplexes)]))
        } else if tri >= 3 {
            out.append(Statement(code: .ventricularTrigeminy, evidence: [
                Evidence(.trigeminalCycles, value: Double(tri), unit: .count, threshold: "≥ 3", met: true,
                         criterion: .prematureComplexes)]))
        }
        let couplets = zip(isV, isV.dropFirst()).filter { $0 && $1 }.count
        if couplets > 0 {
            out.append(Statement(code: .ventricularCouplets, evidence: [
                Evidence(.couplets, value: Double(couplets), unit: .count, threshold: "≥ 1", met: true,
                         criterion: .prematureComplexes)]))
        }
        return out
    }
}
