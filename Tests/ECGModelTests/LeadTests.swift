import Testing
import ECGModel

@Suite struct LeadTests {
    @Test(arguments: [
        ("I", Lead.i), ("DI", .i), ("ii", .ii), ("DIII", .iii), ("AVR", .aVR), ("avl", .aVL),
        ("aVF", .aVF), ("V1", .v1), ("v6", .v6), (" Lead II ", .ii),
    ])
    func recognisesStandardSpellings(label: String, lead: Lead) {
        #expect(Lead(label: label) == lead)
    }

    @Test func keepsOtherLabels() {
        #expect(Lead(label: "MLII") == .other("MLII"))
        #expect(Lead(label: "MLII").isStandard == false)
        #expect(Lead(label: "ABP").name == "ABP")
    }

    @Test func recordLooksUpLeadsByIdentityNotPosition() {
        // MIMIC-IV-ECG stores aVF before aVL.
        let leads = ["I", "II", "III", "aVR", "aVF", "aVL"].enumerated().map { index, label in
            LeadSignal(label: label, samples: [Float(index)])
        }
        let record = ECGRecord(metadata: RecordMetadata(recordID: "x"),
                               samplingFrequency: SamplingFrequency(hertz: 500), leads: leads)
        #expect(record[.aVL]?.samples == [5])
        #expect(record.standardLeads.map(\.lead) == [.i, .ii, .iii, .aVR, .aVL, .aVF])
    }

    @Test func convertsBetweenSamplesAndTime() {
        let fs = SamplingFrequency(hertz: 500)
        #expect(fs.duration(ofSamples: 5000) == Milliseconds(10_000))
        #expect(fs.samples(in: Milliseconds(120)) == 60)
    }
}

@Suite struct LeadLabelTests {
    @Test func labelsWithAndWithoutBlanksAtTheirEndsAreRecognised() {
        let cases: [(String, Lead)] = [
            ("I", .i), (" ii", .ii), ("aVR\t", .aVR), ("Lead V1", .v1), ("lead  v2 ", .v2), ("DIII", .iii),
            ("\u{00A0}V3", .v3), ("V4\u{2003}", .v4), ("avf", .aVF), ("x", .other("x")), (" X ", .other(" X ")),
        ]
        for (label, lead) in cases { #expect(Lead(label: label) == lead, "\(label.debugDescription)") }
    }
}

@Suite struct LeadUnitsTests {
    @Test func millivoltsInAnyCaseAndNothingElse() {
        for (units, expected) in [("mV", true), ("mv", true), ("MV", true), ("Mv", true), ("uV", false), ("mmHg", false), ("", false)] {
            #expect(LeadSignal(label: "II", samples: [], units: units).isMillivolts == expected, "\(units)")
        }
    }
}
