/// Interns tokens as small integers so the metrics compare integers instead of strings.
///
/// Two tokens share an id exactly when their code points are identical (Python's `==`).
/// Not thread-safe: each scorer owns one.
final class Vocabulary {
    private var ids: [ExactString: Int32] = [:]
    private(set) var strings: [String] = []

    init() {}

    func id(_ token: String) -> Int32 {
        let key = ExactString(token)
        if let id = ids[key] { return id }
        let id = Int32(strings.count)
        ids[key] = id
        strings.append(token)
        return id
    }

    func ids(_ tokens: [String]) -> [Int32] { tokens.map { id($0) } }

    subscript(id: Int32) -> String { strings[Int(id)] }

    var count: Int { strings.count }
}
