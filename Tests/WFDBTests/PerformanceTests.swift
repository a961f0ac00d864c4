import ECGModel
import Foundation
import Testing
import TestSupport
import WFDB
#if canImport(Glibc)
import Glibc
#endif

/// Read times, printed so that `swift test -c release --filter WFDBTests.PerformanceTests`
/// reports them: wall-clock and thread CPU time (medians), next to a baseline that only
/// loads the signal file with `Data(contentsOf:)` and converts int16 to Float, so that
/// figures from a loaded machine can be read relative to the bare cost. Bounds are loose
/// enough for a debug build on a shared 2-core machine.
@Suite(.serialized) struct PerformanceTests {
    struct Timing: CustomStringConvertible {
        var wall: Double
        var cpu: Double
        var description: String { String(format: "wall %.1f µs, CPU %.1f µs", wall * 1e6, cpu * 1e6) }
    }

    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    func median(_ repetitions: Int, _ body: () throws -> Void) rethrows -> Timing {
        var walls: [Double] = [], cpus: [Double] = []
        for _ in 0..<repetitions {
            let w0 = DispatchTime.now().uptimeNanoseconds, c0 = Self.threadCPU()
            try body()
            cpus.append(Self.threadCPU() - c0)
            walls.append(Double(DispatchTime.now().uptimeNanoseconds - w0) * 1e-9)
        }
        return Timing(wall: walls.sorted()[repetitions / 2], cpu: cpus.sorted()[repetitions / 2])
    }

    @Test(.enabled(if: RealData.shouldRun("ptb-xl")))
    func twelveLeadFormat16() throws {
        let root = try RealData.directory("ptb-xl")
        let list = try String(contentsOf: root.appendingPathComponent("RECORDS"), encoding: .utf8)
        let url = root.appendingPathComponent(String(try #require(list.split(separator: "\n").first)))
        let dat = url.appendingPathExtension("dat")
        _ = try WFDBRecord.read(from: url)
        let baseline = try median(201) {
            let data = try Data(contentsOf: dat)
            let floats = data.withUnsafeBytes { raw in raw.bindMemory(to: Int16.self).map { Float($0) / 1000 } }
            #expect(floats.count == 60_000)
        }
        let digital = try median(201) { _ = try WFDBRecord.read(from: url) }
        let physical = try median(201) { _ = try ECGRecord.readWFDB(at: url) }
        print("PERF 12-lead 10-s format 16 (\(url.lastPathComponent), median of 201): WFDBRecord.read \(digital); ECGRecord.readWFDB \(physical); baseline Data(contentsOf:)+Float \(baseline)")
        #expect(physical.wall < 0.05)
    }

    @Test(.enabled(if: RealData.shouldRun("mitdb")))
    func thirtyMinuteFormat212() throws {
        let url = try RealData.directory("mitdb").appendingPathComponent("100")
        _ = try WFDBRecord.read(from: url)
        let digital = try median(21) { _ = try WFDBRecord.read(from: url) }
        let physical = try median(21) { _ = try ECGRecord.readWFDB(at: url) }
        print("PERF mitdb 100, 30 min, 2 signals, format 212 (median of 21): WFDBRecord.read \(digital); ECGRecord.readWFDB \(physical)")
        #expect(physical.wall < 2)
    }

    @Test(.enabled(if: RealData.shouldRun("mitdb")))
    func annotations() throws {
        let url = try RealData.directory("mitdb").appendingPathComponent("100.atr")
        let time = try median(51) { _ = try WFDBAnnotationFile.read(from: url) }
        print("PERF mitdb 100.atr, 2274 annotations (median of 51): \(time)")
        #expect(time.wall < 1)
    }
}
