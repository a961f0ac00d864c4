/// Finding the recorded part of an exam stored centred between rows of zeros.
enum ZeroPadding {
    /// The rows between the first and the last row in which some lead is not exactly 0.0.
    ///
    /// Returns all rows when every row is zero: an all-zero exam is a flat recording (or a
    /// filler exam), and handing on an empty one would only move the failure downstream.
    static func contentRows(rows: Int, leads: Int, sampleAt: (Int, Int) -> Float) -> Range<Int> {
        func isPadding(_ row: Int) -> Bool {
            (0..<leads).allSatisfy { sampleAt(row, $0) == 0 }
        }
        guard let first = (0..<rows).first(where: { !isPadding($0) }),
              let last = (0..<rows).last(where: { !isPadding($0) }) else {
            return 0..<rows
        }
        return first..<(last + 1)
    }
}
