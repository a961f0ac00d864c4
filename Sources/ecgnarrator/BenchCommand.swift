import ArgumentParser

/// `ecgnarrator bench …`: release-build timing of pipeline stages.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time pipeline stages on real records.",
        subcommands: [BenchMeasure.self])
}
