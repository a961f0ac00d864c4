extension Collection where Element: BinaryFloatingPoint {
    // Inlinable so that callers in other modules get a sort specialised for their concrete
    // array type instead of the generic, unspecialised one.
    /// The middle value, or the mean of the two middle values for an even count; `nil` when
    /// empty. Intervals, rates and reference marks are summarised this way at every stage.
    @inlinable
    public func median() -> Element? {
        guard !isEmpty else { return nil }
        let s = sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }
}
