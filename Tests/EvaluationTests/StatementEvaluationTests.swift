import Testing
import Foundation
import Evaluation
import TestSupport

/// Interpretive statements against PTB-XL's cardiologist SCP codes (`../shared/data/ptb-xl`,
/// 150 records). Targets: F1 ≥ 0.95 sinus rhythm, ≥ 0.90 atrial fibrillation, ≥ 0.80 first-degree
/// AV block, complete RBBB, complete LBBB, LAFB. Targets not reached are recorded as known issues
/// with the reason, so they stay visible and the test starts failing the day they are met.
@Suite struct StatementEvaluationTests {
    static func evaluation() throws -> StatementEvaluation {
        let dir = try RealData.directory("ptb-xl")
        let results = try StatementEvaluator().evaluate(directory: dir)
        return try #require(results.first { $0.source.contains("PTB-XL") })
    }

    @Test(.enabled(if: RealData.shouldRun("ptb-xl")))
    func ptbxlTargets() throws {
        let e = try Self.evaluation()
        print(e.table())
        #expect(e.rows.count == 150)
        #expect(e.failures.isEmpty)
        func f1(_ c: StatementClass) -> Double { e.counts(c).f1 ?? 0 }
        // Sinus origin, whatever the rate or regularity.
        #expect(f1(.SINUS) >= 0.95)
        // Each positive reference record found (sensitivity), whatever the false positives.
        for c in [StatementClass.AFIB, .AVB1, .CRBBB, .CLBBB, .LAFB] {
            #expect(e.counts(c).sensitivity == 1, "\(c.rawValue) sensitivity")
        }
        #expect(f1(.CLBBB) >= 0.80)
        #expect(f1(.SR) >= 0.95)
        withKnownIssue("AFIB: record 181 ('förmaksflimmer med hög kammarfrekvens') has no AFIB code in PTB-XL") {
            #expect(f1(.AFIB) >= 0.90)
        }
        withKnownIssue("1AVB, CRBBB, LAFB: uncoded PR 228/238 ms (98, 167), RBBB coded IRBBB (188), moderate left axis with LAFB morphology (see README)") {
            #expect(f1(.AVB1) >= 0.80)
            #expect(f1(.CRBBB) >= 0.80)
            #expect(f1(.LAFB) >= 0.80)
        }
    }

    /// PTB-XL leaves `heart_axis` empty for most records: an axis statement there is not scored.
    @Test func unassessedClassesAreNeitherHitNorMiss() {
        #expect(StatementClass.unassessedInPTBXL(heartAxis: "") == [.LAD, .RAD])
        #expect(StatementClass.unassessedInPTBXL(heartAxis: "MID").isEmpty)
        var e = StatementEvaluation(source: "test")
        e.rows = [
            .init(record: "a", reference: [.SR], predicted: [.SR, .LAD], statements: [], unassessed: [.LAD, .RAD]),
            .init(record: "b", reference: [.SR, .LAD], predicted: [.SR], statements: [], unassessed: []),
            .init(record: "c", reference: [.SR], predicted: [.SR, .LAD], statements: [], unassessed: []),
        ]
        let lad = e.counts(.LAD)
        #expect(lad.truePositives == 0 && lad.falseNegatives == 1 && lad.falsePositives == 1 && lad.trueNegatives == 0)
        #expect(e.counts(.SR).truePositives == 3)
        #expect(e.table().contains("LAD on 2"))
        #expect(!e.disagreements().contains("a: "))
    }

    /// LUDB's diagnoses (`../shared/data/ludb/ludb.csv`) as a second, independent rhythm and
    /// conduction reference. No target is set on it; the floors guard what is reached today.
    @Test(.enabled(if: RealData.shouldRun("ludb")))
    func ludbDiagnoses() throws {
        let results = try StatementEvaluator().evaluate(directory: try RealData.directory("ludb"))
        let e = try #require(results.first { $0.source.contains("LUDB") })
        print(e.table())
        #expect(e.rows.count == 100)
        #expect(e.failures.isEmpty)
        #expect((e.counts(.SINUS).f1 ?? 0) >= 0.95)
        #expect((e.counts(.AFIB).f1 ?? 0) >= 0.70)
        #expect(e.counts(.PACE).falsePositives == 0)
        // Amplitude classes are withheld on LUDB's rescaled leads and not scored.
        #expect(e.counts(.LVH).truePositives + e.counts(.LVH).falsePositives == 0)
        #expect(e.table().contains("Not scored (the reference does not assess them): LAD, RAD, LVH, LVOLT, LNGQT"))
    }

    @Test func ludbDiagnosesMapToClasses() {
        #expect(StatementClass.fromLUDB(rhythms: "Sinus rhythm\n", conduction: "Incomplete right bundle branch block\nI degree av block",
                                        extrasystoles: "Atrial extrasystole: undefined\nAtrial extrasystole, type: single pac",
                                        pacing: "") == [.SR, .IRBBB, .AVB1, .PAC, .SINUS])
        #expect(StatementClass.fromLUDB(rhythms: "Atrial fibrillation", conduction: "Complete left bundle branch block",
                                        extrasystoles: "Ventricular extrasystole, type: couplet",
                                        pacing: "Pacemaker presence, undefined\nUnipolar ventricular pacing") == [.AFIB, .CLBBB, .PVC, .PACE])
        // Atrial pacing alone does not pace the ventricles.
        #expect(StatementClass.fromLUDB(rhythms: "Sinus bradycardia", conduction: "", extrasystoles: "",
                                        pacing: "Unipolar atrial pacing") == [.SBRAD, .SINUS])
    }

    @Test func scpCodesAndMachineReportsMapToClasses() {
        #expect(StatementClass.fromPTBXL(codes: ["NORM", "SR"], heartAxis: "LAD") == [.SR, .SINUS])
        #expect(StatementClass.fromPTBXL(codes: ["VCLVH", "1AVB", "SBRAD"], heartAxis: "ALAD") == [.LVH, .AVB1, .SBRAD, .LAD, .SINUS])
        #expect(StatementClass.fromMachineReport(["Sinus rhythm with 1st degree A-V block", "Incomplete right bundle branch block"])
                == [.SR, .AVB1, .IRBBB, .SINUS])
        #expect(StatementClass.fromMachineReport(["Atrial fibrillation with rapid ventricular response", "Left bundle branch block"])
                == [.AFIB, .CLBBB])
        #expect(StatementClass.of(.ventricularPacedRhythm) == .PACE)
        #expect(StatementClass.fromMachineReport(["Ventricular-paced rhythm"]) == [.PACE])
    }
}
