import ArgumentParser

/// `ecgnarrator evaluate …`: scoring the pipeline's stages against reference annotations.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score the pipeline's stages against reference annotations.",
        subcommands: [EvaluateQRSCommand.self, EvaluateDelineation.self, EvaluateMeasurements.self,
                      EvaluateStatements.self])
}
