import ECGModel

/// One lead drawn over one stretch of time in one row of the page.
struct Panel {
    var lead: Lead
    /// The label printed in the panel (`aVL`, `II`, `aVL (missing)`).
    var label: String
    /// The samples, `nil` when the record lacks the lead.
    var signal: LeadSignal?
    var row: Int
    var column: Int
    /// Sample indices drawn (empty when the lead is missing).
    var samples: Range<Int>
    var left: Double
    var right: Double
}
