import CTesseract

/// One character Tesseract recognised on a page, with its box in the picture's pixels.
public struct RecognizedSymbol: Sendable, Equatable {
    public var text: String
    public var x0: Int, y0: Int, x1: Int, y1: Int
    /// Tesseract's confidence (0…100) in the word the symbol belongs to.
    public var wordConfidence: Int
    /// Its confidence (0…100) in this symbol alone.
    public var confidence: Int
    /// Which word and which text line of the page it belongs to (counted from 0).
    public var word: Int
    public var line: Int

    public init(text: String, x0: Int, y0: Int, x1: Int, y1: Int, wordConfidence: Int, confidence: Int? = nil, word: Int, line: Int) {
        self.text = text
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
        self.wordConfidence = wordConfidence; self.confidence = confidence ?? wordConfidence
        self.word = word; self.line = line
    }
}

extension OCREngine {
    /// Every symbol Tesseract recognises in a greyscale picture (one byte per pixel, 0 = black)
    /// with its box: what a page's layout is rebuilt from when it holds no ruled table.
    public func recognizeSymbols(gray pixels: [UInt8], width: Int, height: Int, layout: Layout, resolution: Int) -> [RecognizedSymbol] {
        guard width > 0, height > 0, pixels.count >= width * height else { return [] }
        let calls = library.results
        library.setPageSegMode(handle, TessPageSegMode(UInt32(layout.rawValue)))
        pixels.withUnsafeBufferPointer { buffer in
            library.setImage(handle, buffer.baseAddress, Int32(width), Int32(height), 1, Int32(width))
        }
        library.setSourceResolution(handle, Int32(resolution))
        defer { library.clear(handle) }
        guard calls.recognize(handle, nil) == 0, let iterator = calls.iterator(handle) else { return [] }
        defer { calls.delete(iterator) }
        let page = calls.pageIterator(iterator)
        var symbols: [RecognizedSymbol] = []
        var word = -1, line = -1
        repeat {
            if calls.isAtBeginningOf(page, RIL_TEXTLINE) != 0 { line += 1 }
            if calls.isAtBeginningOf(page, RIL_WORD) != 0 { word += 1 }
            var x0: Int32 = 0, y0: Int32 = 0, x1: Int32 = 0, y1: Int32 = 0
            guard calls.boundingBox(page, RIL_SYMBOL, &x0, &y0, &x1, &y1) != 0, let raw = calls.text(iterator, RIL_SYMBOL) else { continue }
            let text = String(cString: raw)
            library.deleteText(raw)
            let confidence = Int(max(0, calls.confidence(iterator, RIL_WORD)).rounded())
            let own = Int(max(0, calls.confidence(iterator, RIL_SYMBOL)).rounded())
            guard !text.allSatisfy(\.isWhitespace) else { continue }
            symbols.append(RecognizedSymbol(text: text, x0: Int(x0), y0: Int(y0), x1: Int(x1), y1: Int(y1),
                                            wordConfidence: confidence, confidence: own, word: max(0, word), line: max(0, line)))
        } while calls.next(iterator, RIL_SYMBOL) != 0
        return symbols
    }
}
