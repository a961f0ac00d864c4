import Testing
@testable import Evaluation

struct QRSWidthByDiagnosisTests {
    /// Complete bundle branch block and ventricular pacing imply a wide QRS; incomplete right
    /// bundle branch block and fascicular blocks a narrow one; a conduction delay or
    /// pre-excitation neither, so such records are not counted.
    @Test func diagnosesThatFixTheQRSWidth() {
        #expect(QRSWidthByDiagnosis.impliesWideQRS([.SR, .SINUS]) == false)
        #expect(QRSWidthByDiagnosis.impliesWideQRS([.SR, .IRBBB, .LAFB]) == false)
        #expect(QRSWidthByDiagnosis.impliesWideQRS([.SR, .CRBBB]) == true)
        #expect(QRSWidthByDiagnosis.impliesWideQRS([.CLBBB, .IVCD]) == true)
        #expect(QRSWidthByDiagnosis.impliesWideQRS([.PACE]) == true)
        #expect(QRSWidthByDiagnosis.impliesWideQRS([.SR, .IVCD]) == nil)
        #expect(QRSWidthByDiagnosis.impliesWideQRS([.SR, .WPW]) == nil)
    }

    /// 120 ms itself is wide; each measure is counted in the group its record's diagnoses name.
    @Test func countsEachMeasureInItsDiagnosisGroup() {
        var table = QRSWidthByDiagnosis()
        table.add(classes: [.SR], qrs: [.reference: 120, .medianLead: 119.9])
        table.add(classes: [.SR, .IRBBB], qrs: [.reference: 131, .medianLead: 104])
        table.add(classes: [.CRBBB], qrs: [.reference: 150, .medianLead: 118])
        table.add(classes: [.IVCD], qrs: [.reference: 150, .medianLead: 150])
        #expect(table.narrowDiagnosis[.reference] == .init(records: 2, wide: 2, wideWithinTolerance: 1))
        #expect(table.narrowDiagnosis[.medianLead] == .init(records: 2, wide: 0, wideWithinTolerance: 0))
        #expect(table.wideDiagnosis[.reference] == .init(records: 1, wide: 1, wideWithinTolerance: 1))
        #expect(table.wideDiagnosis[.medianLead] == .init(records: 1, wide: 0, wideWithinTolerance: 0))
        #expect(table.narrowDiagnosis[.twelveLead] == nil)
        // Only the IRBBB record's 131 ms reference is wide whatever lies within 10 ms of it
        // (counted in the narrow group's reference above).
        let text = table.table().joined(separator: "\n")
        #expect(text.contains("Reference (union of the 12 leads' marks)            2/2   100.0 %"))
        #expect(!text.contains("Ours, twelve-lead"))
    }
}
