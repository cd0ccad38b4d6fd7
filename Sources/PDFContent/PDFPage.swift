/// One page of a `PDFFile`: its boxes, rotation, resources and content streams.
public struct PDFPage {
    /// Attributes a page inherits from its ancestors in the page tree (ISO 32000-1 §7.7.3.4).
    struct Inherited {
        var mediaBox: PDFRectangle?
        var cropBox: PDFRectangle?
        var rotate = 0
        var resources: [String: PDFObject]?
    }

    unowned let file: PDFFile
    let dictionary: [String: PDFObject]
    let inherited: Inherited

    /// The visible area as Poppler takes it: the crop box within the media box (US Letter when a
    /// page has neither).
    public var box: PDFRectangle {
        let media = inherited.mediaBox ?? PDFRectangle(x0: 0, y0: 0, x1: 612, y1: 792)
        guard let crop = inherited.cropBox else { return media }
        let clipped = PDFRectangle(x0: max(crop.x0, media.x0), y0: max(crop.y0, media.y0),
                                   x1: min(crop.x1, media.x1), y1: min(crop.y1, media.y1))
        return clipped.x1 > clipped.x0 && clipped.y1 > clipped.y0 ? clipped : media
    }

    /// /Rotate as 0, 90, 180 or 270 (any other value counts as 0, as in Poppler).
    public var rotation: Int {
        let r = ((inherited.rotate % 360) + 360) % 360
        return r % 90 == 0 ? r : 0
    }

    /// Width and height of the page as displayed (rotation applied), in points.
    public var displaySize: (width: Double, height: Double) {
        let b = box
        let w = b.x1 - b.x0, h = b.y1 - b.y0
        return rotation == 90 || rotation == 270 ? (h, w) : (w, h)
    }

    /// User space → displayed page space (origin top left, y down, rotation applied): the
    /// transformation Poppler's text layout and rendering use, so the results line up with them.
    public var displayMatrix: Matrix {
        let b = box
        switch rotation {
        case 90: return Matrix(a: 0, b: 1, c: 1, d: 0, e: -b.y0, f: -b.x0)
        case 180: return Matrix(a: -1, b: 0, c: 0, d: 1, e: b.x1, f: -b.y0)
        case 270: return Matrix(a: 0, b: -1, c: -1, d: 0, e: b.y1, f: b.x1)
        default: return Matrix(a: 1, b: 0, c: 0, d: -1, e: -b.x0, f: b.y1)
        }
    }

    var resources: [String: PDFObject] { inherited.resources ?? [:] }

    /// The decoded content of the page: its streams joined with a line break between them (a
    /// token may not run across two streams). nil when a stream cannot be decoded.
    func content() -> [UInt8]? {
        guard let contents = dictionary["Contents"] else { return [] }
        let streams: [PDFObject]
        switch file.resolve(contents) {
        case .array(let items): streams = items
        case .stream: streams = [contents]
        case .null: return []
        default: return nil
        }
        var out: [UInt8] = []
        for s in streams {
            guard let (_, data) = file.streamData(s) else { return nil }
            out += data
            out.append(0x0A)
            guard out.count <= StreamDecoder.maxDecodedBytes else { return nil }
        }
        return out
    }
}

/// An affine transformation `[a b c d e f]` as PDF writes it: x' = a·x + c·y + e, y' = b·x + d·y + f.
public struct Matrix: Sendable, Equatable {
    public var a, b, c, d, e, f: Double
    public static let identity = Matrix(a: 1, b: 0, c: 0, d: 1, e: 0, f: 0)

    public init(a: Double, b: Double, c: Double, d: Double, e: Double, f: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.e = e; self.f = f
    }

    /// `self` applied first, then `other`.
    public func concatenating(_ other: Matrix) -> Matrix {
        Matrix(a: a * other.a + b * other.c, b: a * other.b + b * other.d,
               c: c * other.a + d * other.c, d: c * other.b + d * other.d,
               e: e * other.a + f * other.c + other.e, f: e * other.b + f * other.d + other.f)
    }

    public func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// How much the matrix scales lengths, on average over directions (for line widths).
    var meanScale: Double { abs(a * d - b * c).squareRoot() }
}
