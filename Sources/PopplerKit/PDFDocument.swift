import CPoppler
import PageGeometry
#if canImport(Glibc)
import Glibc
#endif

/// Poppler sets up process-wide state (GlobalParams) the first time a document is created, without
/// a lock of its own; creating and destroying documents under one lock makes concurrent use from
/// several threads (page workers, parallel tests) safe. Rendering and text need no lock: each
/// document is used by one thread at a time.
enum DocumentLifecycle {
    nonisolated(unsafe) static let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    static func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}

/// An open PDF. Owns the `PopplerDocument` GObject; everything it hands out is a plain Swift value.
///
/// Not thread-safe (Poppler documents are not); use one instance per thread.
public final class PDFDocument {
    private let handle: OpaquePointer
    /// Number of pages.
    public let pageCount: Int
    /// The raster surface reused from page to page.
    private var surface: RasterSurface?
    /// The file's bytes and password, for the second Poppler document that reads paths.
    private let bytes: [UInt8]
    private let password: String?
    /// What pages paint, through Poppler's interpreter, opened on first use; nil when its page
    /// count disagrees with poppler-glib's (every page is then rendered).
    private lazy var pathReader: PathReader? = {
        let reader = PathReader(bytes: bytes, password: password)
        guard let reader, reader.pageCount == pageCount else { return nil }
        return reader
    }()

    /// Opens a PDF held in memory. The bytes are copied into a `GBytes` that the document keeps.
    public init(bytes: [UInt8], password: String? = nil) throws(PDFError) {
        if bytes.isEmpty { throw .emptyFile }
        guard FileSniffer.hasPDFHeader(bytes) else { throw .notPDF(looksLike: FileSniffer.describe(bytes)) }
        let gbytes: OpaquePointer = bytes.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
        defer { g_bytes_unref(gbytes) }
        let document = try Self.open(gbytes, password: password)
        self.handle = document
        self.bytes = bytes
        self.password = password
        self.pageCount = Int(poppler_document_get_n_pages(document))
        if pageCount == 0 {
            DocumentLifecycle.locked { g_object_unref(UnsafeMutableRawPointer(document)) }
            throw .damaged(detail: "no pages")
        }
    }

    /// Opens the document, trying without the password first. poppler-glib 22's
    /// `poppler_document_new_from_bytes` crashes when given a password (its retry path hands a
    /// null stream to the parser), for a wrong password and for files that need none alike; so
    /// the password is used only when the file needs one, and then through the stream API,
    /// whose retry path is sound.
    private static func open(_ gbytes: OpaquePointer, password: String?) throws(PDFError) -> OpaquePointer {
        var error: UnsafeMutablePointer<GError>?
        if let document = DocumentLifecycle.locked({ poppler_document_new_from_bytes(gbytes, nil, &error) }) {
            if let error { g_error_free(error) }
            return document
        }
        let failure = Self.failure(consuming: error, encrypted: .encrypted)
        guard failure == .encrypted, let password else { throw failure }
        error = nil
        let stream = g_memory_input_stream_new_from_bytes(gbytes)
        defer { g_object_unref(UnsafeMutableRawPointer(stream)) }
        let length = goffset(g_bytes_get_size(gbytes))
        let document = DocumentLifecycle.locked {
            poppler_document_new_from_stream(UnsafeMutablePointer(stream), length, password, nil, &error)
        }
        guard let document else { throw Self.failure(consuming: error, encrypted: .wrongPassword) }
        if let error { g_error_free(error) }
        return document
    }

    /// The `PDFError` of a failed open (freeing the `GError`): `encrypted` for Poppler's
    /// "encrypted" code, else `damaged` with Poppler's message.
    private static func failure(consuming error: UnsafeMutablePointer<GError>?, encrypted: PDFError) -> PDFError {
        guard let error else { return .damaged(detail: "unknown error") }
        defer { g_error_free(error) }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        if error.pointee.domain == poppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { return encrypted }
        return .damaged(detail: message)
    }

    /// Opens a PDF file from disk.
    public convenience init(path: String, password: String? = nil) throws(PDFError) {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path: path) } catch { throw .unreadable(detail: error.description) }
        try self.init(bytes: bytes, password: password)
    }

    deinit {
        DocumentLifecycle.locked { g_object_unref(UnsafeMutableRawPointer(handle)) }
    }

    /// The document's /Title metadata, if any.
    public var title: String? {
        guard let raw = poppler_document_get_title(handle) else { return nil }
        defer { g_free(raw) }
        let s = String(cString: raw)
        return s.isEmpty ? nil : s
    }

    /// Runs `body` with the page at 0-based `index`; the `PopplerPage` lives only for the call.
    func withPage<T>(_ index: Int, _ body: (OpaquePointer) throws -> T) rethrows -> T? {
        guard index >= 0, index < pageCount, let page = poppler_document_get_page(handle, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return try body(page)
    }

    /// Size of the page at 0-based `index` in points, in the coordinate space of its text and rendering.
    public func pageSize(_ index: Int) -> (width: Double, height: Double)? {
        withPage(index) { page in PageReader.size(of: page) }
    }

    /// The page's characters with their boxes (cheap: no rendering).
    public func glyphs(page index: Int) -> [Glyph] {
        text(page: index).glyphs
    }

    /// The page's characters with their boxes and the direction its text runs in (cheap: no
    /// rendering). Boxes are in the page's displayed space (its /Rotate applied); text drawn turned
    /// on the page is left as it is (see `PageContent.upright(from:)`).
    public func text(page index: Int) -> PageText {
        let drawn = drawnText(page: index)
        return withPage(index) { page in PageReader.text(of: page, drawn: drawn) } ?? PageText(glyphs: [], direction: .upright)
    }

    /// The characters the page's content stream draws, for a page whose text Poppler may read
    /// backwards (a Type 3 font: `DrawnText`); nil for other pages, whose glyph boxes tell.
    func drawnText(page index: Int) -> DrawnText? {
        pathReader?.drawnText(page: index)
    }

    /// Every character the page's content stream draws, with the glyph it is and its width in its
    /// font: what tells a glyph whose font maps it to the wrong character (`MisencodedGlyphs`).
    /// nil when the page cannot be interpreted within the limits.
    public func drawnCharacters(page index: Int) -> DrawnText? {
        pathReader?.allDrawnText(page: index)
    }

    /// The page's ruling lines: from the paths its content streams paint (`VectorRulingLines`)
    /// or, where that cannot be done, from a low-resolution raster (`RulingLineScanner`).
    public func rulingLines(page index: Int, glyphs: [Glyph], settings: RulingLineScanner.Settings = .init()) -> [RulingLine] {
        withPage(index) { page in lines(of: page, index: index, glyphs: glyphs, settings: settings) } ?? []
    }

    private func lines(of page: OpaquePointer, index: Int, glyphs: [Glyph], settings: RulingLineScanner.Settings) -> [RulingLine] {
        let size = PageReader.size(of: page)
        if settings.source != .raster {
            if let shapes = vectorShapes(index, size: size), !VectorRulingLines.needsRendering(shapes) {
                return VectorRulingLines(settings: settings).lines(from: shapes, masking: glyphs)
            }
            if settings.source == .vector { return [] }
        }
        guard var ink = PageRasterizer.renderInk(page: page, width: size.width, height: size.height, scale: settings.scale,
                                                 threshold: settings.darkThreshold, reusing: &surface) else { return [] }
        return RulingLineScanner(settings: settings).scan(&ink, masking: glyphs)
    }

    /// What the page paints, when it is within `PathReader.Limits` and its size agrees with
    /// poppler-glib's. The last page's is kept: the OCR decision and the ruling lines ask for it in turn.
    private func vectorShapes(_ index: Int, size: (width: Double, height: Double)) -> PaintedShapes? {
        if let last = lastShapes, last.index == index { return last.shapes }
        var shapes: PaintedShapes?
        if let reader = pathReader, let read = try? reader.shapes(page: index),
           abs(read.width - size.width) <= 1, abs(read.height - size.height) <= 1 { shapes = read }
        lastShapes = (index, shapes)
        return shapes
    }

    private var lastShapes: (index: Int, shapes: PaintedShapes?)?
    /// `largestImage` of the page last asked.
    var lastLargestImage: (index: Int, info: PageImageInfo?)?

    /// Whether the page is a picture under an invisible text layer (ocrmypdf's output, a scanner's
    /// "searchable PDF"): it sets an invisible text render mode, and one image covers at least
    /// `coverage` of it. Such a text layer is OCR of its own, not the report's text.
    public func isPictureUnderInvisibleText(page index: Int, coverage: Double) -> Bool {
        withPage(index) { page in
            let size = PageReader.size(of: page)
            guard let shapes = vectorShapes(index, size: size), shapes.setsInvisibleText else { return false }
            return shapes.images.contains { $0.width * $0.height >= coverage * size.width * size.height }
        } ?? false
    }

    /// Whether the page draws its text as filled outlines (a PDF re-made with its fonts turned into
    /// paths: Ghostscript's -dNoOutputFonts, "convert text to outlines" in print and design tools):
    /// it has no text layer, but at least `minimumShapes` filled shapes the size of a character's
    /// strokes. Such a page shows its text and is read like a scan.
    public func drawsTextAsOutlines(page index: Int, minimumShapes: Int = 200) -> Bool {
        withPage(index) { page in
            guard let shapes = vectorShapes(index, size: PageReader.size(of: page)) else { return false }
            return shapes.fills.lazy.filter { Self.isGlyphSized($0.box) }.prefix(minimumShapes).count >= minimumShapes
        } ?? false
    }

    /// A filled shape as large as a character's strokes: neither a rule's piece (thin and long) nor a
    /// shaded cell (larger than a character at a report's type sizes).
    static func isGlyphSized(_ box: PaintedShapes.Box) -> Bool {
        let long = max(box.width, box.height), short = min(box.width, box.height)
        return long <= 36 && short >= 0.8
    }

    /// Glyphs and ruling lines of one page (1-based `number` in the result), turned upright when
    /// its text runs down or up the page.
    public func content(page index: Int, withRulingLines: Bool = true, settings: RulingLineScanner.Settings = .init()) -> PageContent? {
        withPage(index) { page in
            let size = PageReader.size(of: page)
            let text = PageReader.text(of: page, drawn: drawnText(page: index))
            let lines = withRulingLines ? self.lines(of: page, index: index, glyphs: text.glyphs, settings: settings) : []
            return PageContent(number: index + 1, width: size.width, height: size.height, glyphs: text.glyphs, rulingLines: lines)
                .upright(from: text.direction)
        }
    }
}
