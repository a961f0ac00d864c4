import Testing
@testable import Evaluation

@Suite struct BeatMatchingTests {
    @Test func countsHitsMissesAndExtras() {
        let m = BeatMatch(reference: [100, 400, 700, 1000], detections: [110, 460, 900, 995, 1300], tolerance: 54)
        // 100↔110, 1000↔995; 400 missed (460 is 60 away); 700 missed; 460, 900, 1300 extra.
        #expect(m.truePositives == 2)
        #expect(m.falseNegatives == 2)
        #expect(m.falsePositives == 3)
        #expect(m.missed == [400, 700])
        #expect(m.extra == [460, 900, 1300])
        #expect(m.sensitivity == 0.5)
        #expect(m.positivePredictivity == 0.4)
    }

    @Test func oneDetectionMatchesOneBeatAndTheCloserWins() {
        // Two detections near one beat: the closer matches, the other is a false positive.
        let m = BeatMatch(reference: [500], detections: [470, 495], tolerance: 54)
        #expect(m.truePositives == 1 && m.falsePositives == 1 && m.extra == [470])
        // One detection between two close beats matches the nearer beat only.
        let n = BeatMatch(reference: [500, 580], detections: [570], tolerance: 54)
        #expect(n.truePositives == 1 && n.falseNegatives == 1 && n.missed == [500])
    }

    @Test func toleranceIsInclusive() {
        #expect(BeatMatch(reference: [1000], detections: [1054], tolerance: 54).truePositives == 1)
        #expect(BeatMatch(reference: [1000], detections: [1055], tolerance: 54).truePositives == 0)
    }

    @Test func emptyInputs() {
        let m = BeatMatch(reference: [], detections: [], tolerance: 10)
        #expect(m.sensitivity == nil && m.positivePredictivity == nil && m.f1 == nil)
        let all = BeatMatch(reference: [1, 2], detections: [], tolerance: 10)
        #expect(all.falseNegatives == 2 && all.sensitivity == 0)
    }

    @Test func grossStatisticsPoolBeats() {
        let a = BeatMatch(truePositives: 90, falseNegatives: 10, falsePositives: 0)
        let b = BeatMatch(truePositives: 10, falseNegatives: 0, falsePositives: 10)
        let g = a + b
        #expect(g.truePositives == 100 && g.falseNegatives == 10 && g.falsePositives == 10)
        #expect(abs((g.f1 ?? 0) - 200.0 / 220.0) < 1e-12)
    }

    @Test func beatLabelsOnly() {
        #expect(BeatAnnotations.beatSymbols.contains("V"))
        #expect(BeatAnnotations.beatSymbols.contains("/"))
        for nonBeat in ["+", "~", "|", "x", "\"", "[", "]", "!", "p", "t", "u"] {
            #expect(!BeatAnnotations.beatSymbols.contains(nonBeat))
        }
    }
}
