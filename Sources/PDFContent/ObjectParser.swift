/// Parses PDF objects from the bytes of a file (ISO 32000-1 §7.2–7.3).
///
/// Every read is bounds-checked: the input is whatever a crawler saved, and a malformed object
/// ends in `nil`, never in a trap. Nesting is limited (`maxDepth`) so a hostile file of
/// `[[[[…` cannot exhaust the stack.
struct ObjectParser {
    let bytes: [UInt8]
    var position: Int
    /// Resolves an indirect `/Length` of a stream (the file's object table).
    var resolveLength: ((PDFObject) -> Int?)?

    static let maxDepth = 64

    init(bytes: [UInt8], position: Int, resolveLength: ((PDFObject) -> Int?)? = nil) {
        self.bytes = bytes
        self.position = min(max(0, position), bytes.count)
        self.resolveLength = resolveLength
    }

    // MARK: character classes

    static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x00 }
    static func isDelimiter(_ c: UInt8) -> Bool {
        c == 0x28 || c == 0x29 || c == 0x3C || c == 0x3E || c == 0x5B || c == 0x5D || c == 0x7B || c == 0x7D || c == 0x2F || c == 0x25
    }
    static func isRegular(_ c: UInt8) -> Bool { !isWhitespace(c) && !isDelimiter(c) }

    var atEnd: Bool { position >= bytes.count }
    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            let c = bytes[position]
            if Self.isWhitespace(c) { position += 1; continue }
            if c == 0x25 {  // % comment to end of line
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
                continue
            }
            break
        }
    }

    /// The run of regular characters at the position (a keyword, number or operator), consumed.
    mutating func regularRun() -> ArraySlice<UInt8> {
        position = min(position, bytes.count)  // a step past a last delimiter may overshoot
        let start = position
        while position < bytes.count, Self.isRegular(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// Whether the bytes at the position spell `word` followed by a non-regular character.
    func matches(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard position + n <= bytes.count else { return false }
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for i in 0..<n where bytes[position + i] != w[i] { return false }
        return position + n == bytes.count || !Self.isRegular(bytes[position + n])
    }

    static func number(_ run: ArraySlice<UInt8>) -> Double? {
        guard !run.isEmpty, run.count <= 64 else { return nil }
        var sign = 1.0, value = 0.0, scale = 0.0, digits = 0
        var i = run.startIndex
        // Producers write "--5" or "+-5" now and then; Poppler reads the last sign.
        while i < run.endIndex, run[i] == 0x2D || run[i] == 0x2B { if run[i] == 0x2D { sign = -sign }; i += 1 }
        while i < run.endIndex {
            let c = run[i]
            if c >= 0x30 && c <= 0x39 {
                if scale > 0 { value += Double(c - 0x30) / scale; scale *= 10 } else { value = value * 10 + Double(c - 0x30) }
                digits += 1
            } else if c == 0x2E, scale == 0 {
                scale = 10
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, value.isFinite else { return nil }
        return sign * value
    }

    // MARK: objects

    /// The next object, or nil when there is none or it is malformed.
    mutating func parseObject(depth: Int = 0) -> PDFObject? {
        guard depth < Self.maxDepth else { return nil }
        skipWhitespaceAndComments()
        guard let c = current else { return nil }
        switch c {
        case 0x2F: return .name(parseName())
        case 0x28: return parseLiteralString().map { .string($0) }
        case 0x3C:
            if position + 1 < bytes.count, bytes[position + 1] == 0x3C { return parseDictionaryOrStream(depth: depth) }
            return parseHexString().map { .string($0) }
        case 0x5B:
            position += 1
            var items: [PDFObject] = []
            while true {
                skipWhitespaceAndComments()
                guard let c = current else { return nil }
                if c == 0x5D { position += 1; return .array(items) }
                guard let item = parseObject(depth: depth + 1) else { return nil }
                items.append(item)
            }
        default:
            let run = regularRun()
            guard !run.isEmpty else { position += 1; return nil }
            if let n = Self.number(run) {
                // "n g R" is a reference.
                let save = position
                skipWhitespaceAndComments()
                let run2 = regularRun()
                if let g = Self.number(run2), g >= 0, n >= 0, n == n.rounded(), g == g.rounded(), g < 1e6, n < 1e9 {
                    skipWhitespaceAndComments()
                    if matches("R") { position += 1; return .reference(number: Int(n), generation: Int(g)) }
                }
                position = save
                return .number(n)
            }
            switch String(decoding: run, as: UTF8.self) {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            case "null": return .null
            default: return nil
            }
        }
    }

    /// A name after its `/`, with `#xx` escapes decoded.
    mutating func parseName() -> String {
        position += 1
        var out: [UInt8] = []
        while position < bytes.count, Self.isRegular(bytes[position]) {
            let c = bytes[position]
            if c == 0x23, position + 2 < bytes.count, let h = Self.hex(bytes[position + 1]), let l = Self.hex(bytes[position + 2]) {
                out.append(h << 4 | l)
                position += 3
            } else {
                out.append(c)
                position += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    mutating func parseLiteralString() -> [UInt8]? {
        position += 1
        var out: [UInt8] = []
        var nesting = 1
        while position < bytes.count {
            let c = bytes[position]
            position += 1
            switch c {
            case 0x5C:  // escapes (ISO 32000-1 §7.3.4.2): binary strings such as /ID and /O need them
                guard position < bytes.count else { break }
                let e = bytes[position]
                position += 1
                switch e {
                case 0x6E: out.append(0x0A)  // \n
                case 0x72: out.append(0x0D)  // \r
                case 0x74: out.append(0x09)  // \t
                case 0x62: out.append(0x08)  // \b
                case 0x66: out.append(0x0C)  // \f
                case 0x0D:                   // a line continuation
                    if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                case 0x0A: break
                case 0x30...0x37:            // up to three octal digits
                    var v = Int(e - 0x30)
                    for _ in 0..<2 {
                        guard position < bytes.count, (0x30...0x37).contains(bytes[position]) else { break }
                        v = v * 8 + Int(bytes[position] - 0x30)
                        position += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: v))
                default: out.append(e)
                }
            case 0x28:
                nesting += 1; out.append(c)
            case 0x29:
                nesting -= 1
                if nesting == 0 { return out }
                out.append(c)
            default:
                out.append(c)
            }
        }
        return nil
    }

    mutating func parseHexString() -> [UInt8]? {
        position += 1
        var out: [UInt8] = []
        var high: UInt8?
        while position < bytes.count {
            let c = bytes[position]
            position += 1
            if c == 0x3E {
                if let h = high { out.append(h << 4) }
                return out
            }
            guard let v = Self.hex(c) else { if Self.isWhitespace(c) { continue }; return nil }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return nil
    }

    mutating func parseDictionaryOrStream(depth: Int) -> PDFObject? {
        position += 2
        var dict: [String: PDFObject] = [:]
        while true {
            skipWhitespaceAndComments()
            guard let c = current else { return nil }
            if c == 0x3E {
                guard position + 1 < bytes.count, bytes[position + 1] == 0x3E else { return nil }
                position += 2
                break
            }
            guard c == 0x2F else { return nil }
            let key = parseName()
            guard let value = parseObject(depth: depth + 1) else { return nil }
            dict[key] = value
        }
        // A stream follows its dictionary.
        let save = position
        skipWhitespaceAndComments()
        guard matches("stream") else { position = save; return .dictionary(dict) }
        position += 6
        if current == 0x0D { position += 1 }
        if current == 0x0A { position += 1 }
        let start = position
        var length = dict["Length"].flatMap { $0.int }
        if length == nil, let ref = dict["Length"], case .reference = ref { length = resolveLength?(ref) }
        if let length, length >= 0, start + length <= bytes.count {
            var p = ObjectParser(bytes: bytes, position: start + length)
            p.skipWhitespaceAndComments()
            if p.matches("endstream") {
                position = p.position + 9
                return .stream(dictionary: dict, data: start..<(start + length))
            }
        }
        // A wrong or missing /Length: the data runs to the next "endstream".
        guard let end = Self.find(Array("endstream".utf8), in: bytes, from: start) else { return nil }
        var dataEnd = end
        if dataEnd > start, bytes[dataEnd - 1] == 0x0A { dataEnd -= 1 }
        if dataEnd > start, bytes[dataEnd - 1] == 0x0D { dataEnd -= 1 }
        position = end + 9
        return .stream(dictionary: dict, data: start..<dataEnd)
    }

    /// First index of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, to limit: Int? = nil) -> Int? {
        guard let first = needle.first else { return nil }
        let end = min(limit ?? haystack.count, haystack.count) - needle.count
        var i = max(0, from)
        while i <= end {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Parses `n g obj <object>` at the position; returns the object number and the object.
    mutating func parseIndirectObject() -> (number: Int, object: PDFObject)? {
        skipWhitespaceAndComments()
        guard let n = Self.number(regularRun()), n >= 0, n == n.rounded(), n < 1e9 else { return nil }
        skipWhitespaceAndComments()
        guard Self.number(regularRun()) != nil else { return nil }
        skipWhitespaceAndComments()
        guard matches("obj") else { return nil }
        position += 3
        guard let object = parseObject() else { return nil }
        return (Int(n), object)
    }
}
