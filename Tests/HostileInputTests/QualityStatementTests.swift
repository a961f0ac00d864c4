import ECGModel
import Foundation
import Interpretation
import Measurement
import SignalProcessing
import Synthesis
import Testing
import TestSupport
import WFDB

extension Interpretation {
    func has(_ code: StatementCode) -> Bool { statements.contains { $0.code == code } }
}

/// The whole pipeline (measure + interpret) on signals without a readable heartbeat: quality
/// statements instead of a made-up rhythm; and arm-lead reversal flagged only when clear.
@Suite struct QualityStatementTests {
    static func record(_ leads: [[Float]], fs: Double = 500) -> ECGRecord {
        ECGRecord(metadata: RecordMetadata(recordID: "hostile"), samplingFrequency: SamplingFrequency(hertz: fs),
                  leads: leads.enumerated().map { LeadSignal(lead: Lead.standard12[$0.offset], label: Lead.standard12[$0.offset].name,
                                                             samples: $0.element) })
    }

    static func interpret(_ record: ECGRecord) throws -> Interpretation {
        try InterpretationPipeline().run(record).interpretation
    }

    static func rhythmless(_ i: Interpretation) -> Bool {
        !i.statements.contains { $0.category != .quality }
    }

    @Test(arguments: [0.05, 0.2, 1.0] as [Float])
    func pureNoiseGetsAQualityStatementAndNoRhythm(_ rms: Float) throws {
        let leads = (0..<12).map { LeadExclusionTests.gaussian(5000, rms: rms, seed: UInt64(100 + $0)) }
        let i = try Self.interpret(Self.record(leads))
        #expect(i.has(.noQRSDetected) || i.has(.poorSignalQuality), "\(i.statements.map(\.text))")
        #expect(Self.rhythmless(i), "\(i.statements.map(\.text))")
    }

    @Test(arguments: [0.0, 0.3] as [Float])
    func flatLineSaysNoQRSDetected(_ level: Float) throws {
        let i = try Self.interpret(Self.record(Array(repeating: [Float](repeating: level, count: 5000), count: 12)))
        #expect(i.statements.map(\.code) == [.noQRSDetected])
    }

    @Test func everyLeadMissingSaysNoQRSDetected() throws {
        let i = try Self.interpret(Self.record(Array(repeating: [Float](repeating: .nan, count: 5000), count: 12)))
        #expect(i.statements.map(\.code) == [.noQRSDetected])
    }

    @Test func oneSaturatedLeadIsNamedAndTheRhythmStands() throws {
        let (clean, _) = try #require(SyntheticECG.standard(named: "sinus-normal")).generate()
        let i = try Self.interpret(try LeadExclusionTests.damaged(clean, [.v4: .clipped(limit: 0.2)]))
        #expect(i.statement(.leadsUnsuitable)?.leads == ["V4"])
        #expect(i.statement(.leadsUnsuitable)?.evidence.first?.quantity == .clippedSamples)
        #expect(i.has(.sinusRhythm))
    }

    @Test func everyLeadSaturatedIsAPoorRecording() throws {
        var ecg = SyntheticECG(heartRate: 75, seed: 3)
        ecg.leadFaults = [.saturation(limit: 0.1)]
        let i = try Self.interpret(try ecg.generate().record)
        #expect(i.has(.poorSignalQuality) || i.has(.noQRSDetected), "\(i.statements.map(\.text))")
        #expect(Self.rhythmless(i))
    }

    @Test func oneBeatIsTooFewForARhythm() throws {
        let (clean, truth) = try SyntheticECG(heartRate: 40, seed: 9).generate()
        // Keep 1.6 s around the first beat: one QRS complex.
        let first = try #require(truth.beats.first).qrsOnset
        var short = clean
        for l in short.leads.indices {
            short.leads[l].samples = Array(short.leads[l].samples[max(0, first - 400)..<min(clean.sampleCount, first + 400)])
        }
        let i = try Self.interpret(short)
        #expect(i.has(.poorSignalQuality) || i.has(.noQRSDetected), "\(i.statements.map(\.text))")
        #expect(Self.rhythmless(i))
    }

    @Test func armLeadReversalIsFlaggedAndANormalRecordIsNot() throws {
        var ecg = SyntheticECG(seed: 31)
        let normal = try Self.interpret(try ecg.generate().record)
        #expect(!normal.has(.armLeadReversal))
        ecg.leadFaults = [.armElectrodeReversal]
        let reversed = try Self.interpret(try ecg.generate().record)
        let s = try #require(reversed.statement(.armLeadReversal))
        #expect(s.certainty == .consider)
        #expect(s.evidence.count == 4)
        #expect(s.evidence.allSatisfy { $0.criterion == .electrodeReversal && $0.value != nil })
    }

    @Test func signalsFolderFlagsReversalOnlyOnTheReversedRecord() throws {
        for name in LimbLeadReversalTests.names {
            let record = try WFDBRecord.read(from: Scratch.signals.appendingPathComponent("\(name).hea")).ecgRecord()
            let i = try Self.interpret(record)
            #expect(i.has(.armLeadReversal) == (name == "arm-lead-reversal"), "\(name)")
            let unsuitable = i.statement(.leadsUnsuitable)?.leads ?? []
            switch name {
            case "flat-lead": #expect(unsuitable == ["V3"])
            case "missing-lead": #expect(unsuitable == ["aVL"])
            default: #expect(unsuitable.isEmpty, "\(name): \(unsuitable)")
            }
        }
    }

    /// Real recordings with correctly placed electrodes: the reversal statement should stay
    /// silent. (PTB-XL lists no electrode swap among these records; LUDB none at all.) The
    /// signal check alone also fires on paced complexes (LUDB 34 and 74, unipolar ventricular
    /// pacing); the statement needs the inverted P wave too.
    @Test(.enabled(if: RealData.shouldRun("ptb-xl") && RealData.shouldRun("ludb")), arguments: ["ptb-xl", "ludb"])
    func reversalIsRareOnRealRecords(_ database: String) throws {
        let root = try RealData.directory(database)
        let names = try String(contentsOf: root.appendingPathComponent("RECORDS"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        var flagged: [String] = [], signalOnly: [String] = []
        for name in names {
            let record = try WFDBRecord.read(from: root.appendingPathComponent(name + ".hea")).ecgRecord()
            guard LimbLeadReversalCheck().check(record)?.suspectsArmElectrodeReversal == true else { continue }
            signalOnly.append(name)
            if try Self.interpret(record).has(.armLeadReversal) { flagged.append(name) }
        }
        print("\(database): \(flagged.count) of \(names.count) records get the arm lead reversal statement \(flagged); signal check alone: \(signalOnly)")
        #expect(names.count >= 100)
        #expect(flagged.count * 100 <= names.count, "\(database): \(flagged)")
    }
}
