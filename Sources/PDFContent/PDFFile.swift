/// A PDF file read far enough to reach each page's content streams and resources.
///
/// This is not a general PDF library: it reads the object structure (cross-reference tables and
/// streams, object streams, the page tree with inherited attributes), Flate-compressed streams,
/// and streams encrypted for an empty user password (`StandardSecurityHandler`); everything else —
/// fonts, images, other encryption — is Poppler's. A file that needs a password is refused
/// (`init` returns nil), and so is one whose structure cannot be read; callers then fall back to
/// rendering through Poppler, which copes with more.
public final class PDFFile {
    let bytes: [UInt8]
    private var xref: CrossReference
    private var reconstructed = false
    private var cache: [Int: PDFObject] = [:]
    private var objectStreams: [Int: [Int: PDFObject]] = [:]
    /// Objects being resolved (a reference cycle such as `/Length 5 0 R` inside object 5 ends).
    private var resolving = Set<Int>()
    /// Decrypts streams of a file encrypted for an empty user password.
    private var security: StandardSecurityHandler?
    /// The table rebuilt by scanning, made once when an offset of the file's own table is wrong.
    private lazy var rescue: CrossReference? = CrossReference.reconstruct(bytes)
    /// The pages, in document order.
    public private(set) var pages: [PDFPage] = []

    /// Largest page tree walked (nodes), so a hostile tree cannot run for ever.
    static let maxPageTreeNodes = 200_000

    public init?(bytes: [UInt8]) {
        self.bytes = bytes
        if let x = CrossReference.read(bytes) {
            xref = x
        } else if let x = CrossReference.reconstruct(bytes) {
            xref = x
            reconstructed = true
        } else {
            return nil
        }
        guard openSecurity() else { return nil }
        guard let pages = readPages() ?? reconstructAndReadPages() else { return nil }
        self.pages = pages
    }

    private func reconstructAndReadPages() -> [PDFPage]? {
        guard !reconstructed, let x = CrossReference.reconstruct(bytes) else { return nil }
        xref = x
        reconstructed = true
        cache = [:]
        objectStreams = [:]
        guard openSecurity() else { return nil }
        return readPages()
    }

    /// Sets up decryption when the trailer names an /Encrypt dictionary; false when the file
    /// cannot be decrypted without a password (or with a handler this reader does not have).
    private func openSecurity() -> Bool {
        security = nil
        guard let entry = xref.trailer["Encrypt"] else { return true }
        guard let encrypt = resolve(entry).dictionary,
              case .string(let id)? = xref.trailer["ID"].map(resolve)?.array?.first.map(resolve),
              let handler = StandardSecurityHandler(encrypt: encrypt, id: id, resolve: resolve) else { return false }
        security = handler
        return true
    }

    /// The raw data of a stream, decrypted when the file is encrypted (cross-reference streams
    /// never are).
    private func streamBytes(_ dict: [String: PDFObject], _ range: Range<Int>, number: Int?, generation: Int) -> [UInt8]? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        guard let security, dict["Type"]?.name != "XRef" else { return Array(bytes[range]) }
        guard let number else { return nil }
        return security.decrypt(Array(bytes[range]), number: number, generation: generation)
    }

    // MARK: objects

    /// The object a reference points to (other objects are returned as they are).
    func resolve(_ object: PDFObject) -> PDFObject {
        guard case .reference(let number, _) = object else { return object }
        return self.object(number) ?? .null
    }

    func object(_ number: Int) -> PDFObject? {
        if let o = cache[number] { return o }
        guard !resolving.contains(number), resolving.count < 32 else { return nil }
        resolving.insert(number)
        defer { resolving.remove(number) }
        var result: PDFObject?
        switch xref.entries[number] {
        case .offset(let offset)? where offset >= 0:
            result = parseObject(number, at: offset)
        case .compressed(let stream, let index)?:
            result = compressedObject(number, stream: stream, index: index)
        default:
            result = nil
        }
        if result == nil, !reconstructed, case .offset(let o)? = rescue?.entries[number] {
            // An offset that does not point at the object: look where the object really is.
            result = parseObject(number, at: o)
        }
        if let result { cache[number] = result }
        return result
    }

    private func parseObject(_ number: Int, at offset: Int) -> PDFObject? {
        var p = ObjectParser(bytes: bytes, position: offset, resolveLength: { [unowned self] in self.resolve($0).int })
        guard let (n, object) = p.parseIndirectObject(), n == number else { return nil }
        return object
    }

    private func compressedObject(_ number: Int, stream: Int, index: Int) -> PDFObject? {
        if objectStreams[stream] == nil {
            guard stream != number, case .stream(let dict, let range)? = object(stream),
                  let raw = streamBytes(dict, range, number: stream, generation: 0),
                  let data = StreamDecoder.decode(raw[...], dictionary: dict, resolve: resolve),
                  let n = dict["N"]?.int, let first = dict["First"]?.int, n >= 0, n < 1_000_000, first >= 0 else { return nil }
            var p = ObjectParser(bytes: data, position: 0)
            var headers: [(Int, Int)] = []
            for _ in 0..<n {
                p.skipWhitespaceAndComments()
                guard let num = ObjectParser.number(p.regularRun()) else { break }
                p.skipWhitespaceAndComments()
                guard let off = ObjectParser.number(p.regularRun()), num >= 0, off >= 0, off < 1e9, num < 1e9 else { break }
                headers.append((Int(num), Int(off)))
            }
            var objects: [Int: PDFObject] = [:]
            for (i, (num, off)) in headers.enumerated() {
                var q = ObjectParser(bytes: data, position: first + off)
                if let o = q.parseObject() { objects[i] = o; objects[-1 - num] = o }
            }
            objectStreams[stream] = objects
        }
        // By index, and by number when the index disagrees (written by a careless tool).
        return objectStreams[stream]?[index] ?? objectStreams[stream]?[-1 - number]
    }

    /// A stream's decoded data, or nil when it is not a stream or cannot be decoded.
    func streamData(_ object: PDFObject) -> (dictionary: [String: PDFObject], data: [UInt8])? {
        guard case .stream(let dict, let range) = resolve(object) else { return nil }
        var number: Int?, generation = 0
        if case .reference(let n, let g) = object { number = n; generation = g }
        guard let raw = streamBytes(dict, range, number: number, generation: generation),
              let data = StreamDecoder.decode(raw[...], dictionary: dict, resolve: resolve) else { return nil }
        return (dict, data)
    }

    // MARK: pages

    private func readPages() -> [PDFPage]? {
        guard let root = xref.trailer["Root"].map(resolve)?.dictionary ?? findCatalog(),
              let tree = root["Pages"] else { return nil }
        var pages: [PDFPage] = []
        var visited = Set<Int>()
        var nodes = 0
        func walk(_ node: PDFObject, inherited: PDFPage.Inherited, depth: Int) -> Bool {
            nodes += 1
            guard depth < 64, nodes < Self.maxPageTreeNodes else { return false }
            if case .reference(let n, _) = node { guard visited.insert(n).inserted else { return true } }
            guard let dict = resolve(node).dictionary else { return true }
            var inherited = inherited
            if let v = dict["MediaBox"] { inherited.mediaBox = rectangle(v) ?? inherited.mediaBox }
            if let v = dict["CropBox"] { inherited.cropBox = rectangle(v) ?? inherited.cropBox }
            if let v = dict["Rotate"].map(resolve)?.int { inherited.rotate = v }
            if let v = dict["Resources"] { inherited.resources = resolve(v).dictionary ?? inherited.resources }
            let type = dict["Type"].map(resolve)?.name
            if let kids = dict["Kids"].map(resolve)?.array, type != "Page" {
                for kid in kids { guard walk(kid, inherited: inherited, depth: depth + 1) else { return false } }
                return true
            }
            pages.append(PDFPage(file: self, dictionary: dict, inherited: inherited))
            return true
        }
        guard walk(tree, inherited: PDFPage.Inherited(), depth: 0) else { return nil }
        return pages
    }

    /// The /Catalog of a file whose trailer was lost.
    private func findCatalog() -> [String: PDFObject]? {
        for number in xref.entries.keys.sorted().prefix(100_000) {
            if let d = object(number)?.dictionary, d["Type"]?.name == "Catalog" { return d }
        }
        return nil
    }

    func rectangle(_ object: PDFObject) -> PDFRectangle? {
        guard let a = resolve(object).array, a.count == 4 else { return nil }
        let v = a.compactMap { resolve($0).number }
        guard v.count == 4, v.allSatisfy({ $0.isFinite }) else { return nil }
        return PDFRectangle(x0: min(v[0], v[2]), y0: min(v[1], v[3]), x1: max(v[0], v[2]), y1: max(v[1], v[3]))
    }
}

/// A rectangle in PDF user space (y up).
public struct PDFRectangle: Sendable, Equatable {
    public var x0, y0, x1, y1: Double
}

extension PDFFile {
    public enum ShapesError: Error, Sendable {
        /// A content stream uses a filter this reader does not decode, or is damaged.
        case undecodable
        /// The page asks for more work than `ContentInterpreter.Limits` allow.
        case tooComplex
        /// No such page.
        case noPage
    }

    /// What the page at 0-based `index` paints (see `PaintedShapes`).
    public func paintedShapes(page index: Int) throws(ShapesError) -> PaintedShapes {
        guard index >= 0, index < pages.count else { throw .noPage }
        do {
            return try ContentInterpreter.read(pages[index], in: self)
        } catch .undecodable {
            throw .undecodable
        } catch {
            throw .tooComplex
        }
    }
}
