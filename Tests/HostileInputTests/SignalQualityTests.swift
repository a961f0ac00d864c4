import ECGModel
import Foundation
import SignalProcessing
import Synthesis
import Testing

/// The per-lead quality index on synthetic ECGs whose faults are known.
@Suite struct SignalQualityTests {
    let assessor = SignalQualityAssessor()

    func generate(_ configure: (inout SyntheticECG) -> Void = { _ in }) throws -> ECGRecord {
        var ecg = SyntheticECG(seed: 7)
        configure(&ecg)
        return try ecg.generate().record
    }

    func quality(_ record: ECGRecord, _ lead: Lead) throws -> LeadQuality {
        let index = try #require(record.leads.firstIndex { $0.lead == lead })
        return assessor.assess(record)[index]
    }

    @Test func cleanRecordHasTwelveUsableLeadsWithoutProblems() throws {
        let qualities = assessor.assess(try generate())
        #expect(qualities.count == 12)
        for q in qualities {
            #expect(q.problems.isEmpty, "\(q.label): \(q)")
            #expect(q.index == 1)
        }
    }

    @Test func flatAndMissingLeadsAreExcluded() throws {
        let record = try generate { $0.leadFaults = [.flat(.v3), .missing(.aVL)] }
        #expect(try quality(record, .v3).problems == [.flat])
        #expect(try quality(record, .aVL).problems == [.missing])
        #expect(try quality(record, .aVL).missingFraction == 1)
        let usable = assessor.usableLeads(of: record).map(\.lead)
        #expect(usable.count == 10)
        #expect(!usable.contains(.v3) && !usable.contains(.aVL))
    }

    @Test func allZeroLeadIsFlatAndScoresZero() {
        let q = assessor.assess([Float](repeating: 0, count: 5000), label: "I", samplingFrequency: 500)
        #expect(q.problems == [.flat])
        #expect(q.index == 0)
        #expect(!q.isUsable)
    }

    @Test func emptyLeadIsMissing() {
        #expect(assessor.assess([], label: "I", samplingFrequency: 500).problems == [.missing])
    }

    @Test func saturatedLeadsAreFlagged() throws {
        let record = try generate { $0.leadFaults = [.saturation(limit: 0.3)] }
        let qualities = assessor.assess(record)
        // Leads whose QRS exceeds 0.3 mV are clipped for many milliseconds per beat.
        let clipped = qualities.filter { $0.problems.contains(.saturated) }
        #expect(clipped.count >= 6, "\(qualities.map { ($0.label, $0.saturatedFraction) })")
        #expect(qualities.allSatisfy { $0.saturatedFraction == 0 || $0.saturatedFraction > 0.0 })
        let clean = assessor.assess(try generate())
        #expect(clean.allSatisfy { $0.saturatedFraction < 0.005 }, "\(clean.map(\.saturatedFraction))")
    }

    @Test func baselineWanderIsFlaggedOnlyWhenLarge() throws {
        let wandering = try generate { $0.noise = NoiseOptions(baselineWanderAmplitude: 2, baselineWanderFrequency: 0.2) }
        #expect(assessor.assess(wandering).allSatisfy { $0.problems.contains(.baselineWander) })
        let slight = try generate { $0.noise = NoiseOptions(baselineWanderAmplitude: 0.1, baselineWanderFrequency: 0.2) }
        #expect(assessor.assess(slight).allSatisfy { !$0.problems.contains(.baselineWander) })
    }

    @Test func muscleNoiseIsFlaggedAndLowersTheIndex() throws {
        let noisy = try generate { $0.noise = NoiseOptions(gaussianRMS: 0.15) }
        let qualities = assessor.assess(noisy)
        #expect(qualities.allSatisfy { $0.problems.contains(.highFrequencyNoise) }, "\(qualities.map(\.highFrequencyNoise))")
        #expect(qualities.allSatisfy { $0.isUsable && $0.index == 0.5 })
        let clean = assessor.assess(try generate())
        #expect(clean.allSatisfy { $0.highFrequencyNoise < 0.02 }, "\(clean.map(\.highFrequencyNoise))")
    }

    @Test func partlyMissingLeadIsAssessedOnItsValidSamples() throws {
        var samples = try generate().leads[1].samples
        for i in stride(from: 0, to: samples.count, by: 4) { samples[i] = .nan }
        let q = assessor.assess(samples, label: "II", samplingFrequency: 500)
        #expect(abs(q.missingFraction - 0.25) < 0.001)
        #expect(q.isUsable)
        #expect(q.peakToPeak > 0.5)
    }
}
