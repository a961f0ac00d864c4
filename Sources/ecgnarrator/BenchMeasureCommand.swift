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
        for _ in 0..<max(1, iterations) { times.append(try pipeline.run(ecg).cpuSeconds) }
        times.sort()
        let mean = times.reduce(0, +) / Double(times.count)
        print(String(format: "%@: %d leads × %d samples at %@, %d runs: median %.3f ms, mean %.3f ms, min %.3f ms (thread CPU)",
                     ecg.id, ecg.leads.count, ecg.sampleCount, ecg.samplingFrequency.description, times.count,
                     times[times.count / 2] * 1000, mean * 1000, times[0] * 1000))
    }
}
