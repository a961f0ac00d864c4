import ArgumentParser

/// `ecgnarrator bench …`: speed benchmarks (build with -c release).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Speed benchmarks (build with -c release).",
        subcommands: [BenchDetectCommand.self, BenchMeasure.self, BenchConvert.self, BenchScoreCommand.self]
    )
}
