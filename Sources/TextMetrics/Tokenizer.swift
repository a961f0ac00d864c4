/// How answers are split into tokens for BLEU-1 and METEOR (and, for `zh_char`, ROUGE-L).
///
/// - `lower_split` (default): Python's `text.lower().split()`, what the published ECG-QA
///   scoring scripts do and what NLTK's METEOR did itself when it accepted strings. Punctuation
///   stays attached (`"block."`), which defeats METEOR's stem and synonym stages for the last
///   word of a sentence; that is the reference behaviour and is kept.
/// - `zh_char`: sacreBLEU's Chinese tokenizer on the lower-cased text (every CJK character and
///   CJK punctuation mark is a token; the rest goes through sacreBLEU's 13a rules). Use it for
///   Chinese: unsegmented Chinese has no spaces, so with `lower_split` a whole clause is one token
///   and BLEU-1/METEOR become all-or-nothing; `rouge-score`'s own tokenizer deletes CJK text
///   entirely, so with `zh_char` ROUGE-L is computed on these character tokens too (as
///   `rouge-score` does with a custom tokenizer; stemming does not apply).
/// - `word_tokenize_lower`: NLTK's `word_tokenize(text.lower(), preserve_line=True)`
///   (Treebank rules without sentence splitting; see ``TreebankTokenizer``). Splits punctuation
///   off, so METEOR's stem and synonym stages also see sentence-final words.
/// - `auto`: `zh_char` for a pair whose prediction or reference contains a CJK ideograph,
///   `lower_split` otherwise (for files mixing Chinese and English answers).
public enum Tokenization: String, CaseIterable, Sendable {
    case lowerSplit = "lower_split"
    case zhChar = "zh_char"
    case wordTokenizeLower = "word_tokenize_lower"
    case auto

    /// The tokenization actually used for one pair.
    public func resolved(prediction: String, reference: String) -> Tokenization {
        guard self == .auto else { return self }
        return Tokenizers.containsCJKIdeograph(prediction) || Tokenizers.containsCJKIdeograph(reference)
            ? .zhChar : .lowerSplit
    }
}

/// The tokenizers the reference implementations use.
public enum Tokenizers {
    /// Tokens of `text` under `tokenization` (`auto` is resolved on this text alone).
    public static func tokens(_ text: String, _ tokenization: Tokenization) -> [String] {
        switch tokenization.resolved(prediction: text, reference: "") {
        case .lowerSplit, .auto: return lowerSplit(text)
        case .zhChar: return zhChar(text)
        case .wordTokenizeLower: return TreebankTokenizer.tokenize(PythonText.lower(text))
        }
    }

    /// `text.lower().split()`.
    public static func lowerSplit(_ text: String) -> [String] {
        PythonText.split(PythonText.lower(text))
    }

    /// `sacrebleu.tokenizers.tokenizer_zh.TokenizerZh()(text.lower()).split()`.
    public static func zhChar(_ text: String) -> [String] {
        sacreBLEUZh(PythonText.lower(text))
    }

    /// sacreBLEU 2.x `TokenizerZh()(line).split()` (case kept).
    public static func sacreBLEUZh(_ line: String) -> [String] {
        var spaced = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if isSacreBLEUChineseCharacter(scalar.value) {
                spaced.append(" ")
                spaced.append(scalar)
                spaced.append(" ")
            } else {
                spaced.append(scalar)
            }
        }
        return regexpPostTokenizer(Array(spaced))
    }

    /// sacreBLEU 2.x `Tokenizer13a()(line).split()` (case kept).
    public static func sacreBLEU13a(_ line: String) -> [String] {
        var text = line.replacingAll("<skipped>", with: "")
        text = text.replacingAll("-\n", with: "")
        text = text.replacingAll("\n", with: " ")
        if text.unicodeScalars.contains("&") {
            text = text.replacingAll("&quot;", with: "\"")
            text = text.replacingAll("&amp;", with: "&")
            text = text.replacingAll("&lt;", with: "<")
            text = text.replacingAll("&gt;", with: ">")
        }
        return regexpPostTokenizer([" "] + Array(text.unicodeScalars) + [" "])
    }

    /// Whether `text` contains a CJK unified or compatibility ideograph.
    public static func containsCJKIdeograph(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            switch s.value {
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
            default: return false
            }
        }
    }

    /// sacreBLEU's `_is_chinese_char`, including the effect of two typos in its range table:
    /// `'\u20000'` and `'\u2f800'` are two-character strings in Python, so those "ranges" compare
    /// as U+2001…U+2A6D and U+2F81…U+2FA1 (general punctuation such as `–`, `’`, `≥`, `≈`, `↑`
    /// and `′` therefore count as Chinese characters), while Extension B is not covered.
    static func isSacreBLEUChineseCharacter(_ v: UInt32) -> Bool {
        switch v {
        case 0x3400...0x4DB5, 0x4E00...0x9FA5, 0x9FA6...0x9FBB, 0xF900...0xFA2D, 0xFA30...0xFA6A,
             0xFA70...0xFAD9, 0x2001...0x2A6D, 0x2F81...0x2FA1, 0xFF00...0xFFEF, 0x2E80...0x2EFF,
             0x3000...0x303F, 0x31C0...0x31EF, 0x2F00...0x2FDF, 0x2FF0...0x2FFF, 0x3100...0x312F,
             0x31A0...0x31BF, 0xFE10...0xFE1F, 0xFE30...0xFE4F, 0x2600...0x26FF, 0x2700...0x27BF,
             0x3200...0x32FF, 0x3300...0x33FF:
            return true
        default:
            return false
        }
    }

    /// sacreBLEU's `TokenizerRegexp`: its four `re.sub` passes, then whitespace split.
    static func regexpPostTokenizer(_ input: [Unicode.Scalar]) -> [String] {
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        func isPeriodOrComma(_ c: Unicode.Scalar) -> Bool { c == "." || c == "," }
        // r'([\{-\~\[-\` -\&\(-\+\:-\@\/])' -> r' \1 '
        var line: [Unicode.Scalar] = []
        line.reserveCapacity(input.count * 2)
        for c in input {
            switch c.value {
            case 0x7B...0x7E, 0x5B...0x60, 0x20...0x26, 0x28...0x2B, 0x3A...0x40, 0x2F:
                line.append(" "); line.append(c); line.append(" ")
            default:
                line.append(c)
            }
        }
        // The remaining patterns match two characters; re.sub scans left to right without overlap.
        func substitute(_ line: [Unicode.Scalar], _ matches: (Unicode.Scalar, Unicode.Scalar) -> Bool,
                        _ replace: (Unicode.Scalar, Unicode.Scalar) -> [Unicode.Scalar]) -> [Unicode.Scalar] {
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(line.count + 8)
            var i = 0
            while i < line.count {
                if i + 1 < line.count && matches(line[i], line[i + 1]) {
                    out += replace(line[i], line[i + 1])
                    i += 2
                } else {
                    out.append(line[i])
                    i += 1
                }
            }
            return out
        }
        // r'([^0-9])([\.,])' -> r'\1 \2 '
        line = substitute(line, { !isDigit($0) && isPeriodOrComma($1) }, { [$0, " ", $1, " "] })
        // r'([\.,])([^0-9])' -> r' \1 \2'
        line = substitute(line, { isPeriodOrComma($0) && !isDigit($1) }, { [" ", $0, " ", $1] })
        // r'([0-9])(-)' -> r'\1 \2 '
        line = substitute(line, { isDigit($0) && $1 == "-" }, { [$0, " ", $1, " "] })
        var view = String.UnicodeScalarView()
        view.append(contentsOf: line)
        return PythonText.split(String(view))
    }
}

extension String {
    /// Python's `str.replace(old, new)`: code-point matching, left to right, no overlap.
    func replacingAll(_ old: String, with new: String) -> String {
        let source = Array(unicodeScalars), pattern = Array(old.unicodeScalars)
        guard !pattern.isEmpty, source.count >= pattern.count else { return self }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < source.count {
            if i + pattern.count <= source.count && source[i..<(i + pattern.count)].elementsEqual(pattern) {
                out.append(contentsOf: new.unicodeScalars)
                i += pattern.count
            } else {
                out.append(source[i])
                i += 1
            }
        }
        return String(out)
    }
}
