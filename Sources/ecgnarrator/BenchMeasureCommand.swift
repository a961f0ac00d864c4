import ArgumentParser
import Foundation
import WFDB
import Measurement

/// `ecgnarrator bench measure RECORD`: CPU time of the full measurement stage.
struct BenchMeasure: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Time filter + detect + delineate + measure on one record (thread CPU time, one core).")

    @Argument(help: "A WFDB record path (a 10-s 12-lead 500 Hz record for the 2 ms target).")
    var record: String

    @Option(help: "Timed repetitions after one warm-up run (FFT planning).")
    var iterations = 200

    func run() throws {
        let ecg = try WFDBRecord.read(from: URL(fileURLWithPath: record)).ecgRecord()
        let pipeline = MeasurementPipeline()
        _ = try pipeline.run(ecg)
        var times: [Double] = []
        var stages = [0.0, 0.0, 0.0, 0.0]
        for _ in 0..<max(1, iterations) {
            let r = try pipeline.run(ecg)
            times.append(r.cpuSeconds)
            stages[0] += r.stage.filterSeconds
            stages[1] += r.stage.detectSeconds
            stages[2] += r.stage.delineateSeconds
            stages[3] += r.cpuSeconds - r.stage.filterSeconds - r.stage.detectSeconds - r.stage.delineateSeconds
        }
        times.sort()
        let mean = times.reduce(0, +) / Double(times.count)
        print(String(format: "%@: %d leads × %d samples at %@, %d runs: median %.3f ms, mean %.3f ms, min %.3f ms (thread CPU)",
                     ecg.id, ecg.leads.count, ecg.sampleCount, ecg.samplingFrequency.description, times.count,
                     times[times.count / 2] * 1000, mean * 1000, times[0] * 1000))
        let k = 1000 / Double(times.count)
        print(String(format: "  mean per stage: filter %.3f ms, detect %.3f ms, delineate %.3f ms, measure %.3f ms",
                     stages[0] * k, stages[1] * k, stages[2] * k, stages[3] * k))
    }
}
