import Foundation
import SignalProcessing
import Testing

@Suite struct FFTWisdomStoreTests {
    @Test func defaultStoreFollowsTheEnvironment() {
        #expect(FFTWisdom.defaultStore(environment: ["ECGNARRATOR_FFTW_WISDOM": "/tmp/w"])?.path == "/tmp/w")
        #expect(FFTWisdom.defaultStore(environment: ["ECGNARRATOR_FFTW_WISDOM": "off", "HOME": "/root"]) == nil)
        let xdg = FFTWisdom.defaultStore(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])
        #expect(xdg?.deletingLastPathComponent().path == "/c/ecgnarrator")
        #expect(xdg?.lastPathComponent.hasPrefix("fftw-wisdom-") == true)
        #expect(FFTWisdom.defaultStore(environment: ["HOME": "/h"])?.deletingLastPathComponent().path == "/h/.cache/ecgnarrator")
        #expect(FFTWisdom.defaultStore(environment: ["HOME": "relative"]) == nil)
    }

    @Test func aNewMeasuredLengthIsSavedAtOnceAndReloads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wisdom-store-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("nested/fftw-wisdom")
        FFTWisdom.usePersistentStore(at: store)
        // A length no other test plans, measured: the store must exist right after planning.
        _ = try FFTPlanCache().plan(count: 2 * 3 * 5 * 7 * 11, rigor: .measure)
        let text = try String(contentsOf: store, encoding: .utf8)
        #expect(text.contains("fftw_wisdom"))
        #expect(FFTWisdom.import(from: store))
        #expect(!FFTWisdom.import(from: folder.appendingPathComponent("missing")))
    }
}
