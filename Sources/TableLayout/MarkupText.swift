/// Text of marked-up documents (web pages, Word) as a reader sees it: the one rule for
/// whitespace, shared by every reader of markup so that a cell reads the same from either.
///
/// Whitespace runs — spaces, newlines, tabs, U+00A0, ideographic spaces — and element boundaries
/// that break a line collapse to one space, which is kept only between two ASCII characters:
/// Chinese is written without spaces, so 「本年新<br/>制作数量」 reads 本年新制作数量 and
/// 「社会公益\n    组织」 reads 社会公益组织, while `12<br>34` stays `12 34` (and is then not read as
/// one number). Zero-width characters and soft hyphens are dropped.
public enum MarkupText {
    @inline(__always)
    public static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    @inline(__always)
    public static func isInvisible(_ v: UInt32) -> Bool {
        v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF || v == 0xAD
    }

    /// Collapses whitespace as described above and trims.
    public static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var last: Unicode.Scalar?
        for u in s.unicodeScalars {
            let v = u.value
            if isInvisible(v) { continue }
            if isSpace(v) { pendingSpace = true; continue }
            if pendingSpace, let l = last, l.isASCII, u.isASCII { out.append(" ") }
            pendingSpace = false
            out.append(u)
            last = u
        }
        return String(out)
    }
}
