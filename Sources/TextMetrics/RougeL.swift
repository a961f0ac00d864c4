/// ROUGE-L precision, recall and F-measure.
public struct RougeLScore: Sendable, Equatable {
    /// LCS length over the prediction's length.
    public var precision: Double
    /// LCS length over the target's length.
    public var recall: Double
    /// `2PR / (P + R)`, 0 when both are 0.
    public var fmeasure: Double

    public init(precision: Double, recall: Double, fmeasure: Double) {
        self.precision = precision
        self.recall = recall
        self.fmeasure = fmeasure
    }

    public static let zero = RougeLScore(precision: 0, recall: 0, fmeasure: 0)
}

/// ROUGE-L as Google's `rouge-score` 0.1.2 computes it (`RougeScorer(['rougeL'])`).
///
/// Its tokenizer lower-cases, turns every run of characters outside `a–z0–9` into a space (so
/// accents, `µ`, `'`, `-`, `/` and all CJK text vanish), splits, optionally Porter-stems tokens
/// longer than three characters (`use_stemmer=True`, NLTK's stemmer) and keeps `^[a-z0-9]+$`
/// tokens. Then `P = LCS/|prediction|`, `R = LCS/|target|`, `F = 2PR/(P+R)`; all 0 when either
/// side has no tokens.
public enum RougeL {
    /// `rouge_score.tokenizers.DefaultTokenizer(use_stemmer).tokenize(text)`.
    public static func tokens(_ text: String, useStemmer: Bool = false) -> [String] {
        let lowered = PythonText.lower(text)
        var tokens: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let token = String(decoding: current, as: UTF8.self)
            current.removeAll(keepingCapacity: true)
            if useStemmer && token.utf8.count > 3 {
                let stemmed = PorterStemmer().stem(token)
                if !stemmed.isEmpty && stemmed.utf8.allSatisfy(isAlphanumeric) { tokens.append(stemmed) }
            } else {
                tokens.append(token)
            }
        }
        for byte in lowered.utf8 {
            if isAlphanumeric(byte) { current.append(byte) } else { flush() }
        }
        flush()
        return tokens
    }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// `RougeScorer(['rougeL'], use_stemmer:).score(target, prediction)['rougeL']` on raw text.
    public static func score(prediction: String, target: String, useStemmer: Bool = false) -> RougeLScore {
        score(predictionTokens: tokens(prediction, useStemmer: useStemmer),
              targetTokens: tokens(target, useStemmer: useStemmer))
    }

    /// ROUGE-L of already tokenized text (`rouge-score` with a custom tokenizer).
    public static func score(predictionTokens: [String], targetTokens: [String]) -> RougeLScore {
        let vocabulary = Vocabulary()
        return score(prediction: vocabulary.ids(predictionTokens), target: vocabulary.ids(targetTokens))
    }

    static func score(prediction: [Int32], target: [Int32]) -> RougeLScore {
        guard !prediction.isEmpty, !target.isEmpty else { return .zero }
        let lcs = longestCommonSubsequence(target, prediction)
        let precision = Double(lcs) / Double(prediction.count)
        let recall = Double(lcs) / Double(target.count)
        let fmeasure = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return RougeLScore(precision: precision, recall: recall, fmeasure: fmeasure)
    }

    /// Length of the longest common subsequence (two-row dynamic programme).
    static func longestCommonSubsequence(_ a: [Int32], _ b: [Int32]) -> Int {
        let n = b.count
        var rows = [Int32](repeating: 0, count: 2 * (n + 1))
        rows.withUnsafeMutableBufferPointer { buffer in
            b.withUnsafeBufferPointer { b in
                var previous = buffer.baseAddress!
                var current = previous + (n + 1)
                for x in a {
                    for k in 0..<n {
                        current[k + 1] = x == b[k] ? previous[k] + 1 : max(previous[k + 1], current[k])
                    }
                    swap(&previous, &current)
                }
                // After the last swap `previous` holds the final row.
                buffer[0] = previous[n]
            }
        }
        return Int(rows[0])
    }
}
