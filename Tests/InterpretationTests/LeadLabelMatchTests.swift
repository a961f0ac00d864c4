import Testing
@testable import Interpretation

@Suite struct LeadLabelMatchTests {
    /// The byte-wise comparison gives the answer of lowercasing both labels, for every pair.
    @Test func agreesWithLowercasedEquality() {
        let labels = ["I", "II", "aVL", "AVL", "avl", "aVR", "V1", "v1", "V10", "", "MLII", "ÄVL", "ävl",
                      "e\u{301}", "\u{E9}", "x;", "x\u{37E}", "K", "\u{212A}", "İ", "i\u{307}", "V1 ", "Ⅰ", "ⅰ"]
        for label in labels {
            for other in labels {
                let key = other.lowercased()
                #expect(InterpretationInput.label(label, matchesLowercased: key) == (label.lowercased() == key),
                        "\(label.debugDescription) vs \(key.debugDescription)")
            }
        }
    }
}
