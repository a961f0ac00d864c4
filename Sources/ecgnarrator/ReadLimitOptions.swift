import ArgumentParser
import ECGModel

/// The reader limits every record-reading command accepts (`ReadLimits`): a file declaring more
/// is refused with an error naming it before anything is allocated.
struct ReadLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-samples"),
            help: "Most samples a record may hold over all its signals (default 2^31, 8 GiB as Float).")
    var maxSamples: Int = ReadLimits.default.maximumTotalSamples

    @Option(name: .customLong("max-signals"), help: "Most signals a record may declare.")
    var maxSignals: Int = ReadLimits.default.maximumSignals

    @Option(name: .customLong("max-header-line"),
            help: "Longest header or CSV (record_list.csv, RECORDS) line accepted, in bytes.")
    var maxHeaderLine: Int = ReadLimits.default.maximumLineLength

    @Option(name: .customLong("max-annotations"), help: "Most annotations an annotation file may hold.")
    var maxAnnotations: Int = ReadLimits.default.maximumAnnotations

    func validate() throws {
        for (name, value) in [("--max-samples", maxSamples), ("--max-signals", maxSignals),
                              ("--max-header-line", maxHeaderLine), ("--max-annotations", maxAnnotations)] where value < 1 {
            throw ValidationError("\(name) must be at least 1 (got \(value))")
        }
    }

    /// The limits the readers enforce.
    var value: ReadLimits {
        ReadLimits(maximumTotalSamples: maxSamples, maximumSignals: maxSignals,
                   maximumLineLength: maxHeaderLine, maximumAnnotations: maxAnnotations)
    }
}
