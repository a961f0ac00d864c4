/// Deterministic synthetic ECG-style answers for benchmarking the scorer.
///
/// Each reference is `wordsPerAnswer` words drawn from a clinical and general vocabulary (with
/// sentence punctuation attached, as real answers have); its prediction keeps most words, swaps
/// some for inflected forms or WordNet synonyms, drops or inserts a few and moves a clause, so
/// every METEOR stage and the LCS do real work.
public enum SyntheticPairs {
    static let words: [String] = """
    sinus rhythm normal axis left right bundle branch block atrial fibrillation flutter ventricular \
    tachycardia bradycardia premature complexes beats conduction delay interval prolonged shortened \
    qrs complex wave inversion elevation depression segment lead leads inferior anterior lateral \
    septal posterior myocardial infarction ischemia hypertrophy enlargement voltage criteria rate \
    regular irregular rapid slow fast quick heart cardiac patient shows demonstrates suggests \
    consistent with possible probable borderline abnormal finding findings recommend follow clinical \
    correlation comparison previous tracing unchanged new acute old age old degree first second third \
    type atrioventricular dissociation pacing paced rhythm junctional escape ectopic focus small wide \
    broad narrow low high amplitude deviation rotation transition poor progression repolarization \
    abnormality nonspecific changes early pattern the a an of and in is are was were no not there \
    this that which at on to for by from as be been may might should could likely seen noted \
    present absent evidence sign signs showed placed put exhibit display indicate reveal markedly \
    mildly moderately severely slightly increased decreased elevated depressed inverted flattened \
    biphasic peaked tall deep q waves t waves p waves u waves ms bpm mm mv seconds minutes
    """.split(separator: " ").map(String.init)

    static let substitutes: [String: [String]] = [
        "fast": ["quick", "rapid"], "shows": ["demonstrates", "exhibits", "displays"],
        "small": ["low"], "wide": ["broad"], "slow": ["sluggish"], "heart": ["cardiac"],
        "elevation": ["elevations", "elevated"], "inversion": ["inverted", "inversions"],
        "prolonged": ["prolonging", "long"], "placed": ["put"], "possible": ["potential"],
        "waves": ["wave"], "complexes": ["complex"], "leads": ["lead"]
    ]

    /// `count` (prediction, reference) pairs of about `wordsPerAnswer` words each.
    public static func generate(count: Int, wordsPerAnswer: Int = 100, seed: UInt64 = 1)
        -> [(prediction: String, reference: String)] {
        var rng = SplitMix64(seed: seed)
        var pairs: [(prediction: String, reference: String)] = []
        pairs.reserveCapacity(count)
        for _ in 0..<count {
            var reference: [String] = []
            reference.reserveCapacity(wordsPerAnswer)
            for k in 0..<wordsPerAnswer {
                var word = words[rng.next(below: words.count)]
                if rng.next(below: 20) == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
                if k % 12 == 11 { word += rng.next(below: 3) == 0 ? "," : "." }
                reference.append(word)
            }
            var prediction: [String] = []
            prediction.reserveCapacity(wordsPerAnswer + 8)
            for word in reference {
                let roll = rng.next(below: 100)
                if roll < 6 { continue }
                if roll < 12 { prediction.append(words[rng.next(below: words.count)]) }
                if roll < 30, let options = substitutes[word] {
                    prediction.append(options[rng.next(below: options.count)])
                } else {
                    prediction.append(word)
                }
            }
            if prediction.count > 20 {
                let cut = rng.next(below: prediction.count - 10) + 5
                prediction = Array(prediction[cut...] + prediction[..<cut])
            }
            pairs.append((prediction.joined(separator: " "), reference.joined(separator: " ")))
        }
        return pairs
    }
}
