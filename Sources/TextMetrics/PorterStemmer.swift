/// The Porter stemmer exactly as NLTK 3.10 runs it in its default `NLTK_EXTENSIONS` mode.
///
/// This is the stemmer behind METEOR's stem stage (`nltk.translate.meteor_score`) and behind
/// `rouge-score`'s `use_stemmer=True`. NLTK's variant differs from Martin Porter's published
/// one (an irregular-forms table, `-ies`/`-ied` on four-letter words, `y → i` only after a
/// consonant, `-fulli`, `-logi`, recursive `-alli`, …), so a textbook Porter stemmer gives
/// different stems and different scores. The port works on Unicode code points, as Python does.
public struct PorterStemmer: Sendable {
    public init() {}

    /// The stem of `word` (lower-cased first, as NLTK's `stem(word)` does by default).
    public func stem(_ word: String) -> String {
        let originalLength = word.unicodeScalars.count
        let lowered = PythonText.lower(word)
        if let irregular = Self.irregularForms[lowered] { return irregular }
        if originalLength <= 2 { return lowered }
        var w = Array(lowered.unicodeScalars)
        w = step1a(w)
        w = step1b(w)
        w = step1c(w)
        w = step2(w)
        w = step3(w)
        w = step4(w)
        w = step5a(w)
        w = step5b(w)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: w)
        return String(view)
    }

    /// NLTK's `pool`: forms it maps directly, before any rule.
    private static let irregularForms: [String: String] = [
        "sky": "sky", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
        "news": "news", "innings": "inning", "inning": "inning", "outings": "outing",
        "outing": "outing", "cannings": "canning", "canning": "canning", "howe": "howe",
        "proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
    ]

    // MARK: Letters

    private typealias Word = [Unicode.Scalar]

    private static func isVowelLetter(_ c: Unicode.Scalar) -> Bool {
        c == "a" || c == "e" || c == "i" || c == "o" || c == "u"
    }

    /// Consonant flags left to right: `y` is a consonant at the start or after a vowel.
    private static func consonantFlags(_ w: ArraySlice<Unicode.Scalar>) -> [Bool] {
        var flags: [Bool] = []
        flags.reserveCapacity(w.count)
        for (k, c) in w.enumerated() {
            if isVowelLetter(c) {
                flags.append(false)
            } else if c == "y" {
                flags.append(k == 0 ? true : !flags[k - 1])
            } else {
                flags.append(true)
            }
        }
        return flags
    }

    private static func isConsonant(_ w: ArraySlice<Unicode.Scalar>, _ i: Int) -> Bool {
        consonantFlags(w[w.startIndex..<(w.startIndex + i + 1)])[i]
    }

    /// Porter's *m*: the number of vowel→consonant transitions.
    private static func measure(_ w: ArraySlice<Unicode.Scalar>) -> Int {
        let flags = consonantFlags(w)
        var m = 0
        if flags.count >= 2 {
            for k in 0..<(flags.count - 1) where !flags[k] && flags[k + 1] { m += 1 }
        }
        return m
    }

    private static func measure(_ w: Word) -> Int { measure(w[...]) }

    private static func containsVowel(_ w: Word) -> Bool {
        consonantFlags(w[...]).contains(false)
    }

    private static func endsDoubleConsonant(_ w: Word) -> Bool {
        w.count >= 2 && w[w.count - 1] == w[w.count - 2] && isConsonant(w[...], w.count - 1)
    }

    /// Porter's `*o`, plus NLTK's two-letter vowel–consonant case.
    private static func endsCVC(_ w: Word) -> Bool {
        let n = w.count
        if n >= 3 {
            let flags = consonantFlags(w[...])
            let last = w[n - 1]
            if flags[n - 3] && !flags[n - 2] && flags[n - 1] && last != "w" && last != "x" && last != "y" {
                return true
            }
        }
        if n == 2 {
            let flags = consonantFlags(w[...])
            return !flags[0] && flags[1]
        }
        return false
    }

    private static func hasSuffix(_ w: Word, _ suffix: [Unicode.Scalar]) -> Bool {
        guard w.count >= suffix.count else { return false }
        return w[(w.count - suffix.count)...].elementsEqual(suffix)
    }

    private static func dropping(_ w: Word, _ count: Int) -> Word { Array(w[0..<(w.count - count)]) }

    // MARK: Rules

    private enum Condition: Sendable {
        case none
        case positiveMeasure
        case measureAboveOne
        case custom(@Sendable (Word) -> Bool)
    }

    private struct Rule: Sendable {
        let suffix: [Unicode.Scalar]
        let replacement: [Unicode.Scalar]
        let condition: Condition
        init(_ suffix: String, _ replacement: String, _ condition: Condition) {
            self.suffix = Array(suffix.unicodeScalars)
            self.replacement = Array(replacement.unicodeScalars)
            self.condition = condition
        }
    }

    private static func holds(_ condition: Condition, _ stem: Word) -> Bool {
        switch condition {
        case .none: return true
        case .positiveMeasure: return measure(stem) > 0
        case .measureAboveOne: return measure(stem) > 1
        case .custom(let test): return test(stem)
        }
    }

    /// NLTK's `_apply_rule_list`: the first rule whose suffix matches decides, even when its
    /// condition fails (the word is then returned unchanged).
    private static func apply(_ word: Word, _ rules: [Rule]) -> Word {
        for rule in rules {
            if hasSuffix(word, rule.suffix) {
                let stem = dropping(word, rule.suffix.count)
                return holds(rule.condition, stem) ? stem + rule.replacement : word
            }
        }
        return word
    }

    private static func s(_ t: String) -> [Unicode.Scalar] { Array(t.unicodeScalars) }

    private func step1a(_ w: Word) -> Word {
        if Self.hasSuffix(w, Self.s("ies")) && w.count == 4 {
            return Self.dropping(w, 3) + Self.s("ie")
        }
        return Self.apply(w, Self.step1aRules)
    }

    private static let step1aRules = [
        Rule("sses", "ss", .none), Rule("ies", "i", .none), Rule("ss", "ss", .none), Rule("s", "", .none),
    ]

    private func step1b(_ w: Word) -> Word {
        if Self.hasSuffix(w, Self.s("ied")) {
            return Self.dropping(w, 3) + (w.count == 4 ? Self.s("ie") : Self.s("i"))
        }
        if Self.hasSuffix(w, Self.s("eed")) {
            let stem = Self.dropping(w, 3)
            return Self.measure(stem) > 0 ? stem + Self.s("ee") : w
        }
        var intermediate: Word? = nil
        for suffix in [Self.s("ed"), Self.s("ing")] where Self.hasSuffix(w, suffix) {
            let candidate = Self.dropping(w, suffix.count)
            if Self.containsVowel(candidate) {
                intermediate = candidate
                break
            }
        }
        guard let stem = intermediate else { return w }
        for (suffix, replacement) in [("at", "ate"), ("bl", "ble"), ("iz", "ize")] where Self.hasSuffix(stem, Self.s(suffix)) {
            return Self.dropping(stem, 2) + Self.s(replacement)
        }
        // NLTK's "*d" rule: a double consonant first; failing that, a literal "*d" suffix.
        let last = stem[stem.count - 1]
        let keepsDouble = last == "l" || last == "s" || last == "z"
        if Self.endsDoubleConsonant(stem) || Self.hasSuffix(stem, Self.s("*d")) {
            return keepsDouble ? stem : Self.dropping(stem, 2) + [last]
        }
        if Self.measure(stem) == 1 && Self.endsCVC(stem) { return stem + Self.s("e") }
        return stem
    }

    private func step1c(_ w: Word) -> Word {
        guard Self.hasSuffix(w, Self.s("y")) else { return w }
        let stem = Self.dropping(w, 1)
        if stem.count > 1 && Self.isConsonant(stem[...], stem.count - 1) {
            return stem + Self.s("i")
        }
        return w
    }

    private func step2(_ w: Word) -> Word {
        if Self.hasSuffix(w, Self.s("alli")) && Self.measure(Self.dropping(w, 4)) > 0 {
            return step2(Self.dropping(w, 4) + Self.s("al"))
        }
        var rules = Self.step2Rules
        rules.append(Rule("logi", "log", .custom({ _ in Self.measure(Self.dropping(w, 3)) > 0 })))
        return Self.apply(w, rules)
    }

    private static let step2Rules = [
        Rule("ational", "ate", .positiveMeasure), Rule("tional", "tion", .positiveMeasure),
        Rule("enci", "ence", .positiveMeasure), Rule("anci", "ance", .positiveMeasure),
        Rule("izer", "ize", .positiveMeasure), Rule("bli", "ble", .positiveMeasure),
        Rule("alli", "al", .positiveMeasure), Rule("entli", "ent", .positiveMeasure),
        Rule("eli", "e", .positiveMeasure), Rule("ousli", "ous", .positiveMeasure),
        Rule("ization", "ize", .positiveMeasure), Rule("ation", "ate", .positiveMeasure),
        Rule("ator", "ate", .positiveMeasure), Rule("alism", "al", .positiveMeasure),
        Rule("iveness", "ive", .positiveMeasure), Rule("fulness", "ful", .positiveMeasure),
        Rule("ousness", "ous", .positiveMeasure), Rule("aliti", "al", .positiveMeasure),
        Rule("iviti", "ive", .positiveMeasure), Rule("biliti", "ble", .positiveMeasure),
        Rule("fulli", "ful", .positiveMeasure),
    ]

    private func step3(_ w: Word) -> Word { Self.apply(w, Self.step3Rules) }

    private static let step3Rules = [
        Rule("icate", "ic", .positiveMeasure), Rule("ative", "", .positiveMeasure),
        Rule("alize", "al", .positiveMeasure), Rule("iciti", "ic", .positiveMeasure),
        Rule("ical", "ic", .positiveMeasure), Rule("ful", "", .positiveMeasure),
        Rule("ness", "", .positiveMeasure),
    ]

    private func step4(_ w: Word) -> Word { Self.apply(w, Self.step4Rules) }

    private static let step4Rules = [
        Rule("al", "", .measureAboveOne), Rule("ance", "", .measureAboveOne),
        Rule("ence", "", .measureAboveOne), Rule("er", "", .measureAboveOne),
        Rule("ic", "", .measureAboveOne), Rule("able", "", .measureAboveOne),
        Rule("ible", "", .measureAboveOne), Rule("ant", "", .measureAboveOne),
        Rule("ement", "", .measureAboveOne), Rule("ment", "", .measureAboveOne),
        Rule("ent", "", .measureAboveOne),
        Rule("ion", "", .custom({ stem in
            Self.measure(stem) > 1 && (stem[stem.count - 1] == "s" || stem[stem.count - 1] == "t")
        })),
        Rule("ou", "", .measureAboveOne), Rule("ism", "", .measureAboveOne),
        Rule("ate", "", .measureAboveOne), Rule("iti", "", .measureAboveOne),
        Rule("ous", "", .measureAboveOne), Rule("ive", "", .measureAboveOne),
        Rule("ize", "", .measureAboveOne),
    ]

    private func step5a(_ w: Word) -> Word {
        guard Self.hasSuffix(w, Self.s("e")) else { return w }
        let stem = Self.dropping(w, 1)
        let m = Self.measure(stem)
        if m > 1 { return stem }
        if m == 1 && !Self.endsCVC(stem) { return stem }
        return w
    }

    private func step5b(_ w: Word) -> Word {
        guard Self.hasSuffix(w, Self.s("ll")) else { return w }
        return Self.measure(Self.dropping(w, 1)) > 1 ? Self.dropping(w, 2) + Self.s("l") : w
    }
}
