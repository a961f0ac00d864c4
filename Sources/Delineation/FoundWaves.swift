/// The P or T waves found in one beat, by lead index: an array, not a dictionary, since lead
/// indices are small and dense (no hashing per look-up, and the waves come out in lead order).
struct FoundWaves {
    private var waves: [Wave?]
    /// How many leads have a wave.
    private(set) var count = 0

    init(leadCount: Int) {
        waves = [Wave?](repeating: nil, count: leadCount)
    }

    subscript(lead: Int) -> Wave? {
        get { waves[lead] }
        set {
            count += (newValue == nil ? 0 : 1) - (waves[lead] == nil ? 0 : 1)
            waves[lead] = newValue
        }
    }

    /// The waves found, in lead order.
    var values: [Wave] { waves.compactMap { $0 } }
}
