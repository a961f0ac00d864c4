import WFDB

/// Which WFDB annotations are beats, as ANSI/AAMI EC57 and `bxb` count them.
public enum BeatAnnotations {
    /// Mnemonics of beat annotations (WFDB's `isqrs`): normal, bundle-branch-block, aberrant,
    /// premature, escape, paced, fusion and unclassifiable beats. Rhythm, noise and other
    /// non-beat annotations are not in the set.
    public static let beatSymbols: Set<String> = [
        "N", "L", "R", "B", "A", "a", "J", "S", "V", "r", "F", "e", "j", "n", "E", "/", "f", "Q", "?",
    ]

    /// Sample indices of the beat annotations among `annotations`, sorted.
    public static func beatSamples(_ annotations: [WFDBAnnotation]) -> [Int] {
        annotations.filter { beatSymbols.contains($0.symbol) }.map { Int($0.sample) }.sorted()
    }
}
