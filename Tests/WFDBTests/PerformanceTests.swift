import ECGModel
import Foundation
import Testing
import TestSupport
import WFDB

/// Read times, printed so that `swift test -c release --filter WFDBTests.PerformanceTests`
/// reports them. Bounds are loose enough for a debug build on a shared 2-core machine; the
/// release figures are what the report quotes.
@Suite(.serialized) struct PerformanceTests {
    func median(_ repetitions: Int, _ body: () throws -> Void) rethrows -> Duration {
        let clock = ContinuousClock()
        var times: [Duration] = []
        for _ in 0..<repetitions { times.append(try clock.measure(body)) }
        return times.sorted()[repetitions / 2]
    }

    @Test(.enabled(if: RealData.shouldRun("ptb-xl")))
    func twelveLeadFormat16() throws {
        let root = try RealData.directory("ptb-xl")
        let list = try String(contentsOf: root.appendingPathComponent("RECORDS"), encoding: .utf8)
        let url = root.appendingPathComponent(String(try #require(list.split(separator: "\n").first)))
        _ = try WFDBRecord.read(from: url)
        let digital = try median(201) { _ = try WFDBRecord.read(from: url) }
        let physical = try median(201) { _ = try ECGRecord.readWFDB(at: url) }
        print("PERF 12-lead 10-s format 16 (\(url.lastPathComponent)): digital \(digital), to ECGRecord \(physical) (median of 201)")
        #expect(physical < .milliseconds(50))
    }

    @Test(.enabled(if: RealData.shouldRun("mitdb")))
    func thirtyMinuteFormat212() throws {
        let url = try RealData.directory("mitdb").appendingPathComponent("100")
        _ = try WFDBRecord.read(from: url)
        let digital = try median(21) { _ = try WFDBRecord.read(from: url) }
        let physical = try median(21) { _ = try ECGRecord.readWFDB(at: url) }
        print("PERF mitdb 100, 30 min 2 signals format 212: digital \(digital), to ECGRecord \(physical) (median of 21)")
        #expect(physical < .seconds(2))
    }

    @Test(.enabled(if: RealData.shouldRun("mitdb")))
    func annotations() throws {
        let url = try RealData.directory("mitdb").appendingPathComponent("100.atr")
        let time = try median(51) { _ = try WFDBAnnotationFile.read(from: url) }
        print("PERF mitdb 100.atr (2274 annotations): \(time) (median of 51)")
        #expect(time < .seconds(1))
    }
}
