import ArgumentParser

/// `ecgnarrator evaluate …`: scoring against reference annotations.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score the pipeline's stages against reference annotations.",
        subcommands: [EvaluateDelineation.self, EvaluateMeasurements.self, EvaluateStatements.self])
}
