import CTesseract

/// One Tesseract instance set up for one kind of text. Owns its `TessBaseAPI` pointer; nothing
/// of Tesseract escapes this type. Not thread-safe (Tesseract instances are not): one per thread.
public final class OCREngine {
    /// What a recognised piece of text says and how sure Tesseract is of it (0…100).
    public struct Reading: Sendable, Equatable {
        public var text: String
        public var confidence: Int
        /// The widest stretch of the picture's ink without a recognised character centred in it,
        /// in heights of its text (`InkCoverage`): nil unless asked for.
        public var inkLeftOut: Double?
        public init(text: String, confidence: Int, inkLeftOut: Double? = nil) {
            self.text = text; self.confidence = confidence; self.inkLeftOut = inkLeftOut
        }
    }

    /// Tesseract's page segmentation modes gongkai uses.
    public enum Layout: Int32, Sendable {
        /// A uniform block of text.
        case block = 6
        /// One line of text (a cell).
        case line = 7
        /// One character (a lone digit Tesseract may miss as a line).
        case character = 10
        /// One line, no layout analysis at all (Tesseract's "raw line").
        case rawLine = 13
        /// A whole page: Tesseract's own layout analysis finds its blocks and lines.
        case page = 3
    }

    let handle: OpaquePointer
    let library: TesseractLibrary

    /// Loads `language` (a traineddata name such as `chi_sim` or `eng`); `whitelist` limits the
    /// characters Tesseract may return. nil when the language data is not installed.
    public init?(language: String, whitelist: String? = nil) {
        guard let library = TesseractLibrary.shared, let api = library.create() else { return nil }
        guard library.initialise(api, nil, language) == 0 else {
            library.delete(api)
            return nil
        }
        handle = api
        self.library = library
        if let whitelist { _ = library.setVariable(api, "tessedit_char_whitelist", whitelist) }
        // Cells are small images: no dictionary guessing of numbers, no page-level noise removal.
        _ = library.setVariable(api, "load_system_dawg", "0")
        _ = library.setVariable(api, "load_freq_dawg", "0")
        // Cells are dark print on paper (made so by `paperStretched`): a label line Tesseract is
        // unsure of is not read a second time inverted, which cost up to half of its recognition
        // time. The digit model keeps the second reading: without it a tiny 0 came back a sure 6.
        if whitelist == nil { _ = library.setVariable(api, "tessedit_do_invert", "0") }
    }

    deinit {
        library.end(handle)
        library.delete(handle)
    }

    /// Reads a greyscale image (one byte per pixel, 0 = black) laid out as `width`×`height`;
    /// `measuringInk`: also how much ink the reading left out (`Reading.inkLeftOut`).
    public func read(gray pixels: [UInt8], width: Int, height: Int, layout: Layout, resolution: Int = 300, measuringInk: Bool = false) -> Reading {
        guard width > 0, height > 0, pixels.count >= width * height else { return Reading(text: "", confidence: 0) }
        library.setPageSegMode(handle, TessPageSegMode(UInt32(layout.rawValue)))
        pixels.withUnsafeBufferPointer { buffer in
            library.setImage(handle, buffer.baseAddress, Int32(width), Int32(height), 1, Int32(width))
        }
        library.setSourceResolution(handle, Int32(resolution))
        defer { library.clear(handle) }
        var text = ""
        if let raw = library.utf8Text(handle) {
            text = String(cString: raw)
            library.deleteText(raw)
        }
        let confidence = Int(library.meanTextConfidence(handle))
        var reading = Reading(text: text.trimmingCharacters(), confidence: max(0, confidence))
        if measuringInk { reading.inkLeftOut = InkCoverage(pixels: pixels, width: width, height: height).uncentredInk(by: symbolSpans()) }
        return reading
    }

    /// The columns of each character of the last recognition (whose results are still held).
    private func symbolSpans() -> [Range<Int>] {
        let calls = library.results
        guard let iterator = calls.iterator(handle) else { return [] }
        defer { calls.delete(iterator) }
        let page = calls.pageIterator(iterator)
        var spans: [Range<Int>] = []
        repeat {
            var x0: Int32 = 0, y0: Int32 = 0, x1: Int32 = 0, y1: Int32 = 0
            if calls.boundingBox(page, RIL_SYMBOL, &x0, &y0, &x1, &y1) != 0, x1 > x0 { spans.append(Int(x0)..<Int(x1)) }
        } while calls.next(iterator, RIL_SYMBOL) != 0
        return spans
    }
}

extension String {
    /// Without leading and trailing white space (Tesseract ends every line with a newline).
    fileprivate func trimmingCharacters() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
