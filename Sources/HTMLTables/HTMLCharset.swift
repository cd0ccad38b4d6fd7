/// The character set of a page, decided before parsing: byte-order mark first, then the
/// `<meta charset=…>` / `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
/// 4 KB (the browsers' prescan), then the bytes themselves (valid UTF-8, else GB18030 — the
/// superset of GB2312 and GBK that Chinese government pages without a declaration use).
///
/// A page declared UTF-8 whose bytes are mostly not UTF-8 (a GBK page with a template's wrong
/// meta tag) is read as GB18030 too.
public enum HTMLCharset {
    public struct Detected: Equatable, Sendable {
        /// A name libxml2/iconv understand: `UTF-8`, `GB18030`, `UTF-16LE`, `BIG5`, …
        public var name: String
        /// Bytes of byte-order mark to skip.
        public var bomLength: Int
        /// Where the name came from: `bom`, `meta`, `content`.
        public var source: String
    }

    public static func detect(_ bytes: [UInt8]) -> Detected {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .init(name: "UTF-8", bomLength: 3, source: "bom") }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .init(name: "UTF-32LE", bomLength: 4, source: "bom") }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .init(name: "UTF-32BE", bomLength: 4, source: "bom") }
        if bytes.starts(with: [0xFF, 0xFE]) { return .init(name: "UTF-16LE", bomLength: 2, source: "bom") }
        if bytes.starts(with: [0xFE, 0xFF]) { return .init(name: "UTF-16BE", bomLength: 2, source: "bom") }
        if let declared = declaredCharset(bytes) {
            let name = canonical(declared)
            if name == "UTF-8", !looksLikeUTF8(bytes) { return .init(name: "GB18030", bomLength: 0, source: "content") }
            return .init(name: name, bomLength: 0, source: "meta")
        }
        return .init(name: looksLikeUTF8(bytes) ? "UTF-8" : "GB18030", bomLength: 0, source: "content")
    }

    /// "UTF-16" or "UTF-32" when the first bytes hold NULs at the places those encodings put
    /// them for ASCII text (every second or fourth byte): a page saved in a wide encoding without
    /// a byte-order mark, which no label in it can be trusted to describe.
    static func wideEncodingWithoutBOM<C: Collection<UInt8>>(_ bytes: C) -> String? {
        let head = Array(bytes.prefix(512))
        guard head.count >= 16 else { return nil }
        let zeros = head.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if zeros * 10 >= head.count * 6 { return "UTF-32" }
        if zeros * 10 >= head.count * 3 { return "UTF-16" }
        return nil
    }

    /// Maps the labels pages use to one name iconv knows; GB2312 and GBK pages are decoded as
    /// GB18030 (their superset: real "gb2312" pages contain GBK characters).
    public static func canonical(_ label: String) -> String {
        let l = label.lowercased()
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode", "utf-16", "utf-16le", "utf-16be":
            // A UTF-16 label inside an ASCII-readable meta tag is wrong by construction (browsers use UTF-8).
            return "UTF-8"
        case "gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "gb_2312", "csgb2312", "cp936", "windows-936", "ms936", "euc-cn", "chinese", "iso-ir-58", "csiso58gb231280":
            return "GB18030"
        case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5":
            return "BIG5-HKSCS"
        default:
            return label.uppercased()
        }
    }

    /// The charset named by a `<meta>` tag in the first 4 KB, if any.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let meta = Array("<meta".utf8), charset = Array("charset".utf8)
        var i = 0
        while let start = find(meta, in: head, from: i) {
            let end = head[start...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            var j = start
            while let c = find(charset, in: head[..<end], from: j) {
                var k = c + charset.count
                while k < end, head[k] == 0x20 || head[k] == 0x09 { k += 1 }
                if k < end, head[k] == UInt8(ascii: "=") {
                    k += 1
                    while k < end, head[k] == 0x20 || head[k] == 0x09 || head[k] == UInt8(ascii: "\"") || head[k] == UInt8(ascii: "'") { k += 1 }
                    var value: [UInt8] = []
                    while k < end, isLabelByte(head[k]) { value.append(head[k]); k += 1 }
                    if !value.isEmpty { return String(decoding: value, as: UTF8.self) }
                }
                j = c + charset.count
            }
            i = end
        }
        return nil
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }

    private static func find<C: Collection<UInt8>>(_ needle: [UInt8], in hay: C, from: Int) -> Int? where C.Index == Int {
        guard hay.count >= needle.count else { return nil }
        var i = max(from, hay.startIndex)
        while i + needle.count <= hay.endIndex {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Whether every byte sequence is well-formed UTF-8.
    static func isValidUTF8<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        let (_, invalid) = utf8Sequences(bytes)
        return invalid == 0
    }

    /// Whether the bytes read as UTF-8: fewer malformed sequences than well-formed multi-byte ones
    /// (a cut-off character in a UTF-8 page is tolerated; GBK text is malformed almost everywhere).
    static func looksLikeUTF8(_ bytes: [UInt8]) -> Bool {
        let (valid, invalid) = utf8Sequences(bytes)
        return invalid == 0 || invalid * 10 < valid
    }

    /// Counts of well-formed multi-byte UTF-8 sequences and of malformed bytes.
    private static func utf8Sequences<C: Collection<UInt8>>(_ collection: C) -> (valid: Int, invalid: Int) {
        let bytes: [UInt8] = collection as? [UInt8] ?? Array(collection)
        var valid = 0, invalid = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: invalid += 1; i += 1; continue
            }
            var ok = i + length <= n
            if ok { for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { ok = false; break } }
            if ok { valid += 1; i += length } else { invalid += 1; i += 1 }
        }
        return (valid, invalid)
    }
}
