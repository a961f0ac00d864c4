/// Resource limits every reader enforces before it allocates, so that a hostile or corrupt
/// file is refused with an error instead of exhausting memory.
public struct ReadLimits: Sendable, Equatable {
    /// Most samples a record may hold over all its signals (default 2^31: 8 GiB as Float).
    public var maximumTotalSamples: Int
    /// Most signals a record may declare.
    public var maximumSignals: Int
    /// Longest header or CSV line accepted, in bytes.
    public var maximumLineLength: Int
    /// Most annotations an annotation file may hold.
    public var maximumAnnotations: Int

    public init(maximumTotalSamples: Int = 1 << 31, maximumSignals: Int = 4096,
                maximumLineLength: Int = 1 << 16, maximumAnnotations: Int = 1 << 27) {
        self.maximumTotalSamples = maximumTotalSamples
        self.maximumSignals = maximumSignals
        self.maximumLineLength = maximumLineLength
        self.maximumAnnotations = maximumAnnotations
    }

    public static let `default` = ReadLimits()
}
