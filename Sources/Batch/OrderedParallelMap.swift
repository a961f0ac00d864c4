import Dispatch
import Synchronization

/// `map` over several threads, results in the input's order.
///
/// The patient step runs after every record has been processed, when the record workers are
/// idle: without this it keeps one core busy and the others waiting.
enum OrderedParallelMap {
    /// `transform` applied to every element of `items` on up to `threads` threads; the result
    /// at index k is `transform(items[k])`.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], threads: Int,
                                                      _ transform: @Sendable (Item) -> Result) -> [Result] {
        let workers = min(max(1, threads), items.count)
        guard workers > 1 else { return items.map(transform) }
        let next = Atomic<Int>(0)
        let done = Mutex<[(Int, Result)]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Items are claimed one at a time: a patient's cost grows with their ECG count, so
            // fixed slices would leave one thread with the long histories.
            var local: [(Int, Result)] = []
            while true {
                let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard k < items.count else { break }
                local.append((k, transform(items[k])))
            }
            done.withLock { $0.append(contentsOf: local) }
        }
        return done.withLock { results in
            results.sort { $0.0 < $1.0 }
            return results.map(\.1)
        }
    }
}
