import Testing
import Interpretation

@Suite struct NormalECGTests {
    @Test func normalInputGivesSinusRhythmAndNormalECG() {
        let i = interpret(Make.normal())
        #expect(i.statements.map(\.code) == [.sinusRhythm, .normalECG])
    }

    @Test func everyStatementCarriesEvidenceWithACriterion() {
        var inputs = [Make.normal(), Make.normal(rate: 45), Make.normal(rate: 130)]
        var wide = Make.normal(); wide.qrs = 130; inputs.append(wide)
        var long = Make.normal(); long.qtcBazett = 480; inputs.append(long)
        for input in inputs {
            for s in interpret(input).statements {
                #expect(!s.evidence.isEmpty, "\(s.text) has no evidence")
                #expect(s.evidence.contains { $0.met }, "\(s.text): no evidence item meets its criterion")
            }
        }
    }
}
