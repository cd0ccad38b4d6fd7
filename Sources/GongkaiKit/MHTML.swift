/// A single-file web page (MHT/MHTML: what Word's "save as single file web page" writes, and what
/// sites often publish under a `.doc` name): a MIME multipart message whose `text/html` part is
/// the page, in quoted-printable or base64. Unwrapped here so that the page is read as any web
/// page; read as HTML directly, its soft line breaks (`=` at a line end) would cut numbers apart.
enum MHTML {
    /// Whether the bytes start with MIME headers of a multipart/related message.
    static func isMHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("mime-version:") && head.contains("multipart/related")
    }

    /// The first `text/html` part, decoded; nil when there is none.
    static func htmlPart(_ bytes: [UInt8]) -> [UInt8]? {
        guard let boundary = boundary(in: bytes) else { return nil }
        let delimiter = Array("--".utf8) + boundary
        var parts: [ArraySlice<UInt8>] = []
        var start: Int?
        var i = 0
        while let r = bytes[i...].firstRange(of: delimiter) {
            if let s = start { parts.append(bytes[s..<r.lowerBound]) }
            start = r.upperBound
            i = r.upperBound
        }
        for part in parts {
            guard let split = part.firstRange(of: [13, 10, 13, 10]) ?? part.firstRange(of: [10, 10]) else { continue }
            let headers = String(decoding: part[..<split.lowerBound], as: UTF8.self).lowercased()
            guard headers.contains("text/html") else { continue }
            let body = part[split.upperBound...]
            if headers.contains("quoted-printable") { return quotedPrintable(body) }
            if headers.contains("base64") { return Base64.decode(body) }
            return Array(body)
        }
        return nil
    }

    /// The `boundary=` parameter of the message's Content-Type (quoted or not).
    static func boundary(in bytes: [UInt8]) -> [UInt8]? {
        let head = Array(bytes.prefix(4096))
        guard let r = head.firstRange(of: Array("boundary=".utf8)) ?? head.firstRange(of: Array("BOUNDARY=".utf8)) else { return nil }
        var value = head[r.upperBound...]
        if value.first == UInt8(ascii: "\"") {
            value = value.dropFirst().prefix { $0 != UInt8(ascii: "\"") }
        } else {
            value = value.prefix { $0 > 32 && $0 != UInt8(ascii: ";") }
        }
        return value.isEmpty ? nil : Array(value)
    }

    /// Quoted-printable (RFC 2045): `=XX` is a byte, `=` at a line end joins the lines.
    static func quotedPrintable(_ body: ArraySlice<UInt8>) -> [UInt8] {
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            guard c == UInt8(ascii: "=") else { out.append(c); i += 1; continue }
            let rest = body[(i + 1)...]
            if rest.starts(with: [13, 10]) { i += 3; continue }
            if rest.first == 10 { i += 2; continue }
            if rest.count >= 2, let h = hex(rest[rest.startIndex]), let l = hex(rest[rest.startIndex + 1]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}
