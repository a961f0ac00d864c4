/// Finding the recorded part of an exam stored centred between rows of zeros.
enum ZeroPadding {
    /// The rows between the first and the last row in which some lead is not exactly 0.0.
    ///
    /// Element (row, lead) of `block` is at `row * rowStride + lead * leadStride`. Returns all
    /// rows when every row is zero: an all-zero exam is a flat recording (or a filler exam),
    /// and handing on an empty one would only move the failure downstream.
    static func contentRows(_ block: [Float], rows: Int, leads: Int, rowStride: Int, leadStride: Int) -> Range<Int> {
        func isPadding(_ row: Int) -> Bool {
            for lead in 0..<leads where block[row * rowStride + lead * leadStride] != 0 { return false }
            return true
        }
        guard let first = (0..<rows).first(where: { !isPadding($0) }),
              let last = (0..<rows).last(where: { !isPadding($0) }) else {
            return 0..<rows
        }
        return first..<(last + 1)
    }
}
