/// `String.contains` for a page's text, answered by a byte search where that gives the same answer.
///
/// `String.contains` compares whole characters under canonical equivalence, so it walks grapheme
/// boundaries across the whole text for every word asked: asking each page for the tables' labels
/// cost more than reading its text. For text made only of *plain* scalars — each one a character
/// of its own whatever stands beside it (no combining marks, joiners, prepended marks, CR LF pairs,
/// Hangul jamo, regional indicators) and without a canonical decomposition (so no two of them are
/// equivalent, as a CJK compatibility ideograph is to its unified one) — characters are scalars
/// and canonical equivalence is equality, so matching UTF-8 bytes is the same test. Any other text,
/// or word, is asked of the standard library's search (`firstRange(of:)`, what `String.contains`
/// does without Foundation).
struct PlainTextSearch {
    private let text: String
    /// Every scalar of `text` is plain.
    private let plain: Bool

    init(_ text: String) {
        self.text = text
        self.plain = Self.isPlain(text)
    }

    func contains(_ word: String) -> Bool {
        guard plain, Self.isPlain(word) else { return text.firstRange(of: word) != nil }
        var haystack = text
        var needle = word
        return haystack.withUTF8 { h in needle.withUTF8 { n in Self.firstOffset(of: n, in: h) != nil } }
    }

    static func isPlain(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { isPlain($0.value) }
    }

    /// Scalars that are a character on their own in any context and have no canonical
    /// decomposition: ASCII but CR; Latin-1 punctuation; general punctuation U+2010–2027;
    /// enclosed numbers, box drawing and geometric shapes; CJK symbols U+3000–3029 (U+302A on are
    /// combining tone marks); CJK unified ideographs (extension A and the main block); fullwidth
    /// ASCII forms.
    static func isPlain(_ v: UInt32) -> Bool {
        switch v {
        case 0x00...0x0C, 0x0E...0x7F, 0xA0...0xBF, 0x2010...0x2027, 0x2460...0x25FF, 0x3000...0x3029,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }

    /// Where `needle` first occurs in `haystack` (byte offset), nil when nowhere; an empty needle is
    /// found at 0, as `String.contains("")` says true.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard needle.count <= haystack.count else { return nil }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
