import Testing
import Batch

struct AllocatorTuningTests {
    /// The CLI and `convert` call this at start; on glibc both thresholds must be accepted.
    @Test(.enabled(if: isGlibc))
    func glibcAcceptsTheThresholds() {
        #expect(AllocatorTuning.keepFreedMemory())
        #expect(AllocatorTuning.keepFreedMemory())   // idempotent
    }
}

#if canImport(Glibc)
private let isGlibc = true
#else
private let isGlibc = false
#endif
