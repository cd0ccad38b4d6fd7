/// Where each object of a PDF lives: the cross-reference tables and streams of the file
/// (ISO 32000-1 §7.5.4, §7.5.8), newest section first, and the trailer.
///
/// When the offsets are wrong or missing — a file saved by a careless tool, or cut short — the
/// table is rebuilt by scanning the file for `n g obj` headers, as Poppler does.
struct CrossReference {
    enum Entry {
        case offset(Int)
        case compressed(stream: Int, index: Int)
    }

    var entries: [Int: Entry] = [:]
    var trailer: [String: PDFObject] = [:]

    /// Sections followed through /Prev at most (a loop of /Prev offsets ends here too).
    static let maxSections = 64
    /// Largest object number taken from a cross-reference stream's /Size or /Index.
    static let maxObjects = 8_000_000

    /// Reads the sections from `startxref`; nil when they cannot be read.
    static func read(_ bytes: [UInt8]) -> CrossReference? {
        guard let start = startXRef(bytes) else { return nil }
        var xref = CrossReference()
        var pending = [start]
        var seen = Set<Int>()
        while let offset = pending.popLast(), seen.count < maxSections {
            guard seen.insert(offset).inserted, offset >= 0, offset < bytes.count else { continue }
            var parser = ObjectParser(bytes: bytes, position: offset)
            parser.skipWhitespaceAndComments()
            let sectionTrailer: [String: PDFObject]
            if parser.matches("xref") {
                parser.position += 4
                guard let t = xref.readTable(&parser) else { return seen.count == 1 ? nil : xref }
                sectionTrailer = t
            } else {
                guard let t = xref.readStream(bytes, at: offset) else { return seen.count == 1 ? nil : xref }
                sectionTrailer = t
            }
            for (k, v) in sectionTrailer where xref.trailer[k] == nil { xref.trailer[k] = v }
            // A hybrid file's /XRefStm holds the objects its table leaves out; /Prev is older.
            if let prev = sectionTrailer["Prev"]?.int { pending.append(prev) }
            if let stm = sectionTrailer["XRefStm"]?.int { pending.append(stm) }
        }
        return xref.trailer["Root"] == nil ? nil : xref
    }

    /// The offset after the last `startxref`.
    static func startXRef(_ bytes: [UInt8]) -> Int? {
        let tail = max(0, bytes.count - 4096)
        let key = Array("startxref".utf8)
        var found: Int?
        var from = tail
        while let i = ObjectParser.find(key, in: bytes, from: from) { found = i; from = i + 1 }
        guard let at = found else { return nil }
        var p = ObjectParser(bytes: bytes, position: at + key.count)
        p.skipWhitespaceAndComments()
        guard let v = ObjectParser.number(p.regularRun()), v >= 0, v < Double(bytes.count) else { return nil }
        return Int(v)
    }

    /// A classic table after its `xref` keyword; returns the section's trailer.
    private mutating func readTable(_ p: inout ObjectParser) -> [String: PDFObject]? {
        while true {
            p.skipWhitespaceAndComments()
            if p.matches("trailer") {
                p.position += 7
                return p.parseObject()?.dictionary
            }
            guard let first = ObjectParser.number(p.regularRun()), first >= 0, first < Double(Self.maxObjects) else { return nil }
            p.skipWhitespaceAndComments()
            guard let count = ObjectParser.number(p.regularRun()), count >= 0, count < Double(Self.maxObjects) else { return nil }
            for k in 0..<Int(count) {
                p.skipWhitespaceAndComments()
                guard let offset = ObjectParser.number(p.regularRun()) else { return nil }
                p.skipWhitespaceAndComments()
                guard ObjectParser.number(p.regularRun()) != nil else { return nil }
                p.skipWhitespaceAndComments()
                let kind = p.regularRun()
                let number = Int(first) + k
                if kind.first == UInt8(ascii: "n"), entries[number] == nil, offset > 0, offset < 1e12 {
                    entries[number] = .offset(Int(offset))
                } else if kind.first == UInt8(ascii: "f"), entries[number] == nil {
                    entries[number] = .offset(-1)  // free: newer sections decide, older ones may not revive it
                }
            }
        }
    }

    /// A cross-reference stream (PDF 1.5) at `offset`; returns its dictionary as the trailer.
    private mutating func readStream(_ bytes: [UInt8], at offset: Int) -> [String: PDFObject]? {
        var p = ObjectParser(bytes: bytes, position: offset)
        guard let (_, object) = p.parseIndirectObject(), case .stream(let dict, let range) = object,
              dict["Type"]?.name == "XRef",
              let data = StreamDecoder.decode(bytes[range], dictionary: dict, resolve: { $0 }),
              let w = dict["W"]?.array?.compactMap({ $0.int }), w.count == 3, w.allSatisfy({ (0...8).contains($0) }) else { return nil }
        let size = dict["Size"]?.int ?? 0
        var index = dict["Index"]?.array?.compactMap { $0.int } ?? [0, size]
        if index.count % 2 != 0 { index.removeLast() }
        let entryLength = w[0] + w[1] + w[2]
        guard entryLength > 0 else { return nil }
        func field(_ at: Int, _ width: Int) -> Int {
            var v = 0
            for k in 0..<width { v = v << 8 | Int(data[at + k]) }
            return v
        }
        var at = 0
        for pair in stride(from: 0, to: index.count, by: 2) {
            let first = index[pair], count = index[pair + 1]
            guard first >= 0, count >= 0, first < Self.maxObjects, count < Self.maxObjects else { return nil }
            for k in 0..<count {
                guard at + entryLength <= data.count else { return dict }
                let type = w[0] == 0 ? 1 : field(at, w[0])
                let f2 = field(at + w[0], w[1]), f3 = field(at + w[0] + w[1], w[2])
                at += entryLength
                let number = first + k
                guard entries[number] == nil else { continue }
                switch type {
                case 0: entries[number] = .offset(-1)
                case 1: entries[number] = .offset(f2)
                case 2: entries[number] = .compressed(stream: f2, index: f3)
                default: break
                }
            }
        }
        return dict
    }

    /// Rebuilds the table from `n g obj` headers (the last definition of a number wins) and takes
    /// the trailer from the last `trailer` dictionary, or from a cross-reference stream's.
    static func reconstruct(_ bytes: [UInt8]) -> CrossReference? {
        var xref = CrossReference()
        let obj = Array("obj".utf8)
        var i = 0
        while let at = ObjectParser.find(obj, in: bytes, from: i) {
            i = at + 3
            // Walk back over "<ws>gen<ws>num" to the start of the line.
            var k = at - 1
            func skipSpaces() { while k >= 0, ObjectParser.isWhitespace(bytes[k]) { k -= 1 } }
            func digits() -> Int? {
                let end = k
                while k >= 0, bytes[k] >= 0x30, bytes[k] <= 0x39 { k -= 1 }
                guard end > k, end - k <= 10 else { return nil }
                var v = 0
                for d in (k + 1)...end { v = v * 10 + Int(bytes[d] - 0x30) }
                return v
            }
            guard at + 3 >= bytes.count || !ObjectParser.isRegular(bytes[at + 3]) else { continue }
            skipSpaces()
            guard digits() != nil else { continue }
            skipSpaces()
            guard let number = digits(), number < maxObjects else { continue }
            guard k < 0 || !ObjectParser.isRegular(bytes[k]) else { continue }
            xref.entries[number] = .offset(k + 1)
        }
        let trailerKey = Array("trailer".utf8)
        var from = 0
        while let at = ObjectParser.find(trailerKey, in: bytes, from: from) {
            from = at + 1
            var p = ObjectParser(bytes: bytes, position: at + trailerKey.count)
            if let d = p.parseObject()?.dictionary, d["Root"] != nil { xref.trailer = d }
        }
        return xref.entries.isEmpty ? nil : xref
    }
}
