import ArgumentParser
import SignalProcessing

@main
struct ECGNarratorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecgnarrator",
        abstract: "Turn raw 12-lead ECG waveforms into measurements and clinical text.",
        subcommands: [
            InfoCommand.self,
            ExportCommand.self,
            SynthCommand.self,
            DetectCommand.self,
            MeasureCommand.self,
            InterpretCommand.self,
            NarrateCommand.self,
            PromptsCommand.self,
            PlotCommand.self,
            EvaluateCommand.self,
            ConvertCommand.self,
            MergeCommand.self,
            ScoreCommand.self,
            BenchCommand.self,
        ]
    )

    /// Measured FFT plans persist between runs (see ``FFTWisdom/defaultStore(environment:)``):
    /// without them every process spends about a second of CPU planning before its first record.
    static func main() async {
        if let store = FFTWisdom.defaultStore() { FFTWisdom.usePersistentStore(at: store) }
        await main(nil)
    }
}
