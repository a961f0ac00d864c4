import Foundation

/// NLTK's `word_tokenize(text, preserve_line=True)`: the `NLTKWordTokenizer` (improved Penn
/// Treebank) rules without Punkt sentence splitting.
///
/// The default `word_tokenize(text)` also splits sentences with the Punkt model first; the two
/// differ only for text with a period inside it (without sentence splitting, only the final
/// period of the text is split off: `"sinus rhythm. rate 60."` → `rhythm.`, `60`, `.`).
/// The rules are NLTK 3.10's regular expressions, run with ICU's engine; Python's `\s` is spelled
/// out so that whitespace means what `str.isspace()` says.
public enum TreebankTokenizer {
    private struct Rule: @unchecked Sendable {
        let regex: NSRegularExpression
        let template: String
        init(_ pattern: String, _ template: String) {
            let spelled = pattern.replacingOccurrences(of: "\\s", with: TreebankTokenizer.pythonSpace)
            // The patterns are constants checked by the tests; a failure here is a programming error.
            regex = try! NSRegularExpression(pattern: spelled, options: [])
            self.template = template
        }
        func apply(_ text: String) -> String {
            regex.stringByReplacingMatches(in: text, options: [], range: NSRange(text.startIndex..., in: text),
                                           withTemplate: template)
        }
    }

    static let pythonSpace = "[\\t\\n\\x{0B}\\f\\r\\x{1C}-\\x{1F}\\x{85}\\p{Z}]"

    private static let startingQuotes = [
        Rule("([«“‘„]|[`]+)", " $1 "),
        Rule("^\"", "``"),
        Rule("(``)", " $1 "),
        Rule("([ \\(\\[{<])(\"|'{2})", "$1 `` "),
        Rule("(?i)(?<!\\w)(')(?!(?:re|ve|ll|m|t|s|d|n)\\b)(?=\\w)", "$1 "),
    ]

    private static let punctuation = [
        Rule("([^\\.])(\\.)([\\]\\)}>\"'»”’ ]*+)\\s*$", "$1 $2 $3 "),
        Rule("([:,])([^\\d])", " $1 $2"),
        Rule("([:,])$", " $1 "),
        Rule("\\.{2,}", " $0 "),
        Rule("[;@#\\$%&]", " $0 "),
        Rule("[\\u2012-\\u2015]", " $0 "),
        Rule("([^\\.])(\\.)([\\]\\)}>\"']*)\\s*$", "$1 $2$3 "),
        Rule("[?!]", " $0 "),
        Rule("([^'])' ", "$1 ' "),
        Rule("[*]", " $0 "),
    ]

    private static let parensBrackets = Rule("[\\]\\[\\(\\)\\{\\}\\<\\>]", " $0 ")
    private static let doubleDashes = Rule("--", " -- ")

    private static let endingQuotes = [
        Rule("([»”’])", " $1 "),
        Rule("''", " '' "),
        Rule("\"", " '' "),
        Rule("\\s+", " "),
        Rule("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
        Rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "),
    ]

    private static let contractions = [
        Rule("(?i)\\b(can)(not)\\b", " $1 $2 "),
        Rule("(?i)\\b(d)('ye)\\b", " $1 $2 "),
        Rule("(?i)\\b(gim)(me)\\b", " $1 $2 "),
        Rule("(?i)\\b(gon)(na)\\b", " $1 $2 "),
        Rule("(?i)\\b(got)(ta)\\b", " $1 $2 "),
        Rule("(?i)\\b(lem)(me)\\b", " $1 $2 "),
        Rule("(?i)\\b(more)('n)\\b", " $1 $2 "),
        Rule("(?i)\\b(wan)(na)(?=\\s)", " $1 $2 "),
        Rule("(?i) ('t)(is)\\b", " $1 $2 "),
        Rule("(?i) ('t)(was)\\b", " $1 $2 "),
    ]

    /// `nltk.word_tokenize(text, preserve_line=True)` (case kept).
    public static func tokenize(_ text: String) -> [String] {
        var t = text
        for rule in startingQuotes { t = rule.apply(t) }
        for rule in punctuation { t = rule.apply(t) }
        t = parensBrackets.apply(t)
        t = doubleDashes.apply(t)
        t = " " + t + " "
        for rule in endingQuotes { t = rule.apply(t) }
        for rule in contractions { t = rule.apply(t) }
        return PythonText.split(t)
    }
}
