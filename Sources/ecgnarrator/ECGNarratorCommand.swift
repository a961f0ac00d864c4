import ArgumentParser
import Batch
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
    /// Freed memory stays in the process (``AllocatorTuning``): otherwise glibc returns each
    /// record's arrays to the kernel and every record pays for faulting them in again.
    static func main() async {
        AllocatorTuning.keepFreedMemory()
        if let store = FFTWisdom.defaultStore() { FFTWisdom.usePersistentStore(at: store) }
        await main(nil)
    }
}
