import Testing
import ECGModel

struct MedianTests {
    @Test func middleValueOrMeanOfTheTwoMiddle() {
        #expect([3.0, 1, 2].median() == 2)
        #expect([4.0, 1, 3, 2].median() == 2.5)
        #expect([Float(7)].median() == 7)
        #expect([Double]().median() == nil)
    }
}
