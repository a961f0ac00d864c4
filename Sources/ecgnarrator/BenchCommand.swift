import ArgumentParser

/// `ecgnarrator bench`: speed benchmarks on deterministic synthetic input.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Speed benchmarks (build with -c release).",
        subcommands: [BenchScoreCommand.self]
    )
}
