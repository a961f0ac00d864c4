import ECGModel
import Testing
@testable import Synthesis

@Suite("Truth fiducials are exact wave boundaries")
struct FiducialTests {
    static let configurations: [SyntheticECG] = [
        SyntheticECG(name: "sinus-500"),
        SyntheticECG(name: "sinus-360", samplingFrequency: SamplingFrequency(hertz: 360)),
        SyntheticECG(name: "sinus-250", samplingFrequency: SamplingFrequency(hertz: 250), heartRate: 95),
        SyntheticECG(name: "rbbb-1000", samplingFrequency: SamplingFrequency(hertz: 1000),
                     qrsDuration: Milliseconds(140), qtInterval: Milliseconds(420), conduction: .rightBundleBranchBlock),
        SyntheticECG(name: "lbbb-400", samplingFrequency: SamplingFrequency(hertz: 400), qrsDuration: Milliseconds(150),
                     qtInterval: Milliseconds(440), conduction: .leftBundleBranchBlock, qrsAxis: 0, tAxis: 180),
        SyntheticECG(name: "ectopy", heartRate: 65, ectopicBeats: [.pvc(at: 2), .pac(at: 5), .pvc(at: 9)]),
        SyntheticECG(name: "paced", rhythm: .ventricularPaced(spikeAmplitude: 2), qrsDuration: Milliseconds(160),
                     qtInterval: Milliseconds(440), qrsAxis: -60, tAxis: 120),
    ]

    /// Every sample inside a truth wave is nonzero in some lead, every sample outside all waves
    /// is exactly zero in every lead: the truth is where the signal deviates from baseline.
    @Test("Signal is nonzero exactly on the union of the truth waves", arguments: configurations)
    func wavesCoverSignal(configuration: SyntheticECG) throws {
        let (record, truth) = try configuration.generate()
        #expect(truth.beats.count >= 5)
        var inside = [Bool](repeating: false, count: record.sampleCount)
        for beat in truth.beats {
            var spans = [beat.qrsOnset...beat.qrsOffset, beat.tOnset...beat.tOffset]
            if let on = beat.pOnset, let off = beat.pOffset { spans.append(on...off) }
            if let spike = beat.pacingSpike { spans.append(spike...spike) }
            for span in spans { for n in span { inside[n] = true } }
        }
        var mismatches: [Int] = []
        for n in 0..<record.sampleCount {
            let active = record.leads.contains { $0.samples[n] != 0 }
            if active != inside[n] { mismatches.append(n) }
        }
        #expect(mismatches.isEmpty, "first mismatching samples: \(mismatches.prefix(5))")
    }

    @Test("Onsets and offsets: baseline just outside, signal just inside", arguments: configurations)
    func boundaries(configuration: SyntheticECG) throws {
        let (record, truth) = try configuration.generate()
        func allZero(_ n: Int) -> Bool { record.leads.allSatisfy { $0.samples[n] == 0 } }
        for beat in truth.beats {
            #expect(allZero(beat.qrsOnset - 1) && !allZero(beat.qrsOnset))
            #expect(allZero(beat.qrsOffset + 1) && !allZero(beat.qrsOffset))
            #expect(allZero(beat.tOnset - 1) && !allZero(beat.tOnset))
            #expect(allZero(beat.tOffset + 1) && !allZero(beat.tOffset))
            if let on = beat.pOnset, let off = beat.pOffset, let peak = beat.pPeak {
                #expect(allZero(on - 1) && !allZero(on))
                #expect(allZero(off + 1) && !allZero(off))
                #expect(on < peak && peak < off && off < beat.qrsOnset)
            }
            #expect(beat.qrsOnset < beat.rPeak && beat.rPeak < beat.qrsOffset)
            #expect(beat.qrsOffset < beat.tOnset && beat.tOnset < beat.tPeak && beat.tPeak < beat.tOffset)
        }
    }

    @Test("T peak and P peak are where the wave is largest in lead II")
    func peaks() throws {
        let (record, truth) = try SyntheticECG(name: "peaks").generate()
        let ii = Probe.samples(record, .ii)
        for beat in truth.beats {
            let t = (beat.tOnset...beat.tOffset).max { abs(ii[$0]) < abs(ii[$1]) }!
            #expect(t == beat.tPeak)
            let p = (beat.pOnset!...beat.pOffset!).max { abs(ii[$0]) < abs(ii[$1]) }!
            #expect(p == beat.pPeak)
        }
    }
}
