import CTesseract

/// One Tesseract instance set up for one kind of text. Owns its `TessBaseAPI` pointer; nothing
/// of Tesseract escapes this type. Not thread-safe (Tesseract instances are not): one per thread.
public final class OCREngine {
    /// What a recognised piece of text says and how sure Tesseract is of it (0…100).
    public struct Reading: Sendable, Equatable {
        public var text: String
        public var confidence: Int
        public init(text: String, confidence: Int) { self.text = text; self.confidence = confidence }
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
    }

    private let handle: OpaquePointer

    /// Loads `language` (a traineddata name such as `chi_sim` or `eng`); `whitelist` limits the
    /// characters Tesseract may return. nil when the language data is not installed.
    public init?(language: String, whitelist: String? = nil) {
        guard let api = TessBaseAPICreate() else { return nil }
        guard TessBaseAPIInit3(api, nil, language) == 0 else {
            TessBaseAPIDelete(api)
            return nil
        }
        handle = api
        if let whitelist { _ = TessBaseAPISetVariable(api, "tessedit_char_whitelist", whitelist) }
        // Cells are small images: no dictionary guessing of numbers, no page-level noise removal.
        _ = TessBaseAPISetVariable(api, "load_system_dawg", "0")
        _ = TessBaseAPISetVariable(api, "load_freq_dawg", "0")
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Reads a greyscale image (one byte per pixel, 0 = black) laid out as `width`×`height`.
    public func read(gray pixels: [UInt8], width: Int, height: Int, layout: Layout, resolution: Int = 300) -> Reading {
        guard width > 0, height > 0, pixels.count >= width * height else { return Reading(text: "", confidence: 0) }
        TessBaseAPISetPageSegMode(handle, TessPageSegMode(UInt32(layout.rawValue)))
        pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(width), Int32(height), 1, Int32(width))
        }
        TessBaseAPISetSourceResolution(handle, Int32(resolution))
        var text = ""
        if let raw = TessBaseAPIGetUTF8Text(handle) {
            text = String(cString: raw)
            TessDeleteText(raw)
        }
        let confidence = Int(TessBaseAPIMeanTextConf(handle))
        TessBaseAPIClear(handle)
        return Reading(text: text.trimmingCharacters(), confidence: max(0, confidence))
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
