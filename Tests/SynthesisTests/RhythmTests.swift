import ECGModel
import Testing
@testable import Synthesis

@Suite("Rhythms and ectopic beats")
struct RhythmTests {
    @Test("Atrial fibrillation: no P waves, irregularly irregular RR")
    func atrialFibrillation() throws {
        let c = SyntheticECG(name: "af", duration: Milliseconds(30_000), heartRate: 90,
                             rhythm: .atrialFibrillation(fibrillatoryWaveAmplitude: 0.08), qtInterval: Milliseconds(340))
        let (record, truth) = try c.generate()
        #expect(truth.rhythm == .atrialFibrillation)
        #expect(truth.beats.allSatisfy { $0.pOnset == nil && $0.pPeak == nil && $0.pOffset == nil })
        #expect(truth.prInterval == nil && truth.pAxis == nil)
        let rrs = truth.beats.compactMap(\.rrPrevious)
        let mean = rrs.reduce(0, +) / Double(rrs.count)
        let sd = (rrs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(rrs.count)).squareRoot()
        #expect(sd / mean > 0.1)
        // Irregularly irregular: successive differences change sign often and rarely repeat.
        let deltas = zip(rrs.dropFirst(), rrs).map { $0 - $1 }
        #expect(Set(deltas).count > deltas.count * 3 / 4)
        #expect(abs(mean - 60_000 / 90) < 60)
        // f-waves: the baseline between T offset and the next QRS onset is not flat in V1.
        let v1 = Probe.samples(record, .v1)
        let gap = (truth.beats[2].tOffset + 1)..<truth.beats[3].qrsOnset
        #expect(gap.contains { v1[$0] != 0 })
        #expect(gap.map { abs(v1[$0]) }.max()! > 0.02)
    }

    @Test("Atrial fibrillation without f-waves has an exactly flat baseline")
    func atrialFibrillationWithoutFWaves() throws {
        let c = SyntheticECG(name: "af0", rhythm: .atrialFibrillation(fibrillatoryWaveAmplitude: 0))
        let (record, truth) = try c.generate()
        let ii = Probe.samples(record, .ii)
        #expect(((truth.beats[1].tOffset + 1)..<truth.beats[2].qrsOnset).allSatisfy { ii[$0] == 0 })
    }

    @Test("Atrial flutter: regular RR = conduction ratio × flutter cycle, periodic F-waves, no P")
    func atrialFlutter() throws {
        // Defaults: 300/min, 2:1.
        let c = SyntheticECG(name: "afl", rhythm: .atrialFlutter(), qtInterval: Milliseconds(300))
        let (_, truth) = try c.generate()
        #expect(truth.beats.allSatisfy { $0.pOnset == nil })
        #expect(truth.conductionRatio == 2 && truth.atrialRate == 300)
        #expect(truth.beats.compactMap(\.rrPrevious).allSatisfy { abs($0 - 400) <= 2 })
        #expect(abs(truth.heartRate - 150) < 0.5)
    }

    @Test("Flutter F-waves repeat every flutter cycle between QRS-T complexes")
    func flutterWaves() throws {
        let c = SyntheticECG(name: "afl4", rhythm: .atrialFlutter(atrialRate: 300, conductionRatio: 4,
                                                                  flutterWaveAmplitude: 0.2))
        let (record, truth) = try c.generate()
        #expect(truth.beats.compactMap(\.rrPrevious).allSatisfy { abs($0 - 800) <= 2 })
        // 300/min is a 200 ms cycle = 100 samples at 500 Hz.
        let ii = Probe.samples(record, .ii)
        let start = truth.beats[1].tOffset + 1
        let end = truth.beats[2].qrsOnset - 1
        #expect(end - start > 150)
        for n in start...(end - 100) { #expect(abs(ii[n] - ii[n + 100]) < 1e-5) }
        let window = ii[start...end]
        #expect(window.max()! - window.min()! > 0.1)
    }

    @Test("PVCs are premature, wide, without P, with discordant T and a compensatory pause")
    func prematureVentricular() throws {
        let c = SyntheticECG(name: "pvc", heartRate: 70, ectopicBeats: [.pvc(at: 3), .pvc(at: 7)])
        let (record, truth) = try c.generate()
        let cycle = 60_000.0 / 70
        let pvcs = truth.beats.filter { $0.type == .pvc }
        #expect(pvcs.map(\.index) == [3, 7])
        for pvc in pvcs {
            #expect(pvc.pOnset == nil)
            #expect(truth.samplingFrequency > 0)
            let width = Double(pvc.qrsOffset - pvc.qrsOnset) * 1000 / truth.samplingFrequency
            #expect(width >= 140)
            // Coupling: QRS onset 60 % of a cycle after the previous beat's.
            let previous = truth.beats[pvc.index - 1]
            let coupling = Double(pvc.qrsOnset - previous.qrsOnset) * 2
            #expect(abs(coupling - 0.6 * cycle) <= 2)
            // Compensatory pause: the next sinus beat comes two cycles after the one before.
            let next = truth.beats[pvc.index + 1]
            #expect(abs(Double(next.qrsOnset - previous.qrsOnset) * 2 - 2 * cycle) <= 2)
            #expect(next.type == .normal)
            // Discordant T: in every lead with a clear QRS, the T peak opposes the QRS net area.
            var checked = 0
            for lead in record.leads {
                let area = (pvc.qrsOnset...pvc.qrsOffset).map { Double(lead.samples[$0]) }.reduce(0, +) * 2 / 1000
                let t = lead.samples[pvc.tPeak]
                guard abs(area) > 0.02, abs(t) > 0.05 else { continue }
                #expect((area > 0) != (t > 0), "lead \(lead.label)")
                checked += 1
            }
            #expect(checked >= 4)
        }
    }

    @Test("Ventricular bigeminy alternates normal and PVC")
    func bigeminy() throws {
        let c = SyntheticECG(name: "big", heartRate: 70, ectopicBeats: EctopicBeat.ventricularBigeminy())
        let (_, truth) = try c.generate()
        #expect(truth.beats.count >= 8)
        for beat in truth.beats { #expect(beat.type == (beat.index % 2 == 1 ? .pvc : .normal)) }
        #expect(truth.dominantRR == nil)
        let cycle = 60_000.0 / 70
        // Onset to onset (R peaks sit later in the wide PVC than in the sinus QRS).
        for (beat, previous) in zip(truth.beats.dropFirst(), truth.beats) {
            let expected = beat.type == .pvc ? 0.6 * cycle : 1.4 * cycle
            #expect(abs(Double(beat.qrsOnset - previous.qrsOnset) * 2 - expected) <= 2.0 + 1e-9)
        }
    }

    @Test("PACs are premature with a different P wave and reset the sinus node")
    func prematureAtrial() throws {
        let c = SyntheticECG(name: "pac", heartRate: 70, ectopicBeats: [.pac(at: 4)])
        let (record, truth) = try c.generate()
        let cycle = 60_000.0 / 70
        let pac = truth.beats[4]
        #expect(pac.type == .pac)
        #expect(abs(Double(pac.qrsOnset - truth.beats[3].qrsOnset) * 2 - 0.7 * cycle) <= 2)
        #expect(abs(Double(truth.beats[5].qrsOnset - pac.qrsOnset) * 2 - cycle) <= 2)
        let pacP = try #require(pac.pOnset)
        #expect(Double(pac.qrsOnset - pacP) * 2 == 130)
        // Default ectopic P axis −60°: inverted in II, whereas the sinus P is upright.
        let ii = Probe.samples(record, .ii)
        #expect(ii[pac.pPeak!] < -0.05)
        #expect(ii[truth.beats[3].pPeak!] > 0.05)
        #expect(pac.qrsOffset - pac.qrsOnset == truth.beats[3].qrsOffset - truth.beats[3].qrsOnset)
    }

    @Test("Paced beats: a spike before a wide QRS, no P")
    func paced() throws {
        let c = SyntheticECG(name: "paced", heartRate: 70, rhythm: .ventricularPaced(spikeAmplitude: 2.5),
                             qrsDuration: Milliseconds(160), qtInterval: Milliseconds(440), qrsAxis: -60, tAxis: 120)
        let (record, truth) = try c.generate()
        #expect(truth.rhythm == .ventricularPaced)
        for beat in truth.beats {
            #expect(beat.type == .paced && beat.pOnset == nil)
            let spike = try #require(beat.pacingSpike)
            #expect(spike < beat.qrsOnset - 1 && spike >= beat.qrsOnset - 3)
            let peak = record.leads.map { abs($0.samples[spike]) }.max()!
            #expect(peak > 1.5)
            #expect(record.leads.allSatisfy { $0.samples[spike - 1] == 0 && $0.samples[spike + 1] == 0 })
        }
        #expect(truth.qrsDuration == 160)
    }
}
