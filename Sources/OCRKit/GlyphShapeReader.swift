import ScanImaging

/// Reads pictures of single glyphs — each a font's glyph whose character the PDF does not say
/// rightly — set side by side on one line, by the Chinese model, a few dozen to a call.
///
/// Why one line and not one call per glyph: Tesseract's fixed cost per call is larger than a
/// character's, and a line of glyphs spaced as text is what its line model reads best.
extension CellReader {
    /// What one glyph picture reads as: its characters and Tesseract's confidence in the least
    /// sure of them; nil where it read nothing.
    public struct GlyphReading: Sendable, Equatable {
        public var text: String
        public var confidence: Int

        public init(text: String, confidence: Int) {
            self.text = text
            self.confidence = confidence
        }
    }

    /// Glyphs set on one line per recognition.
    static let glyphsPerLine = 32

    /// Reads `pictures` (ink dark on light paper, each one glyph's em box, all scaled to about the
    /// same em height, `emPixels`); `dpi`: the resolution that em height stands for.
    public func readGlyphs(_ pictures: [GrayImage], emPixels: Int, dpi: Double) -> [GlyphReading?] {
        var out: [GlyphReading?] = []
        out.reserveCapacity(pictures.count)
        var start = 0
        while start < pictures.count {
            let end = min(pictures.count, start + Self.glyphsPerLine)
            out += readLine(Array(pictures[start..<end]), emPixels: emPixels, dpi: dpi)
            start = end
        }
        return out
    }

    /// One line of glyphs, each in its own slot half an em apart. The line model's character boxes
    /// are only roughly where its characters are, but their order is right: when it reads as many
    /// characters as there are glyphs, each lying within about a slot of its own, they go to the
    /// glyphs in order. Otherwise each half of the line is read again, down to single glyphs.
    private func readLine(_ pictures: [GrayImage], emPixels: Int, dpi: Double) -> [GlyphReading?] {
        let gap = emPixels / 2, margin = emPixels / 2
        let height = (pictures.map(\.height).max() ?? emPixels) + 2 * margin
        var slots: [Range<Int>] = []
        var x = margin
        for p in pictures {
            slots.append(x..<(x + p.width))
            x += p.width + gap
        }
        var line = GrayImage(width: x - gap + margin, height: height, filledWith: 255)
        for (p, slot) in zip(pictures, slots) {
            let top = (height - p.height) / 2
            for y in 0..<p.height {
                for px in 0..<p.width { line.pixels[(top + y) * line.width + slot.lowerBound + px] = p.pixels[y * p.width + px] }
            }
        }
        let symbols = labels.recognizeSymbols(gray: line.pixels, width: line.width, height: line.height, layout: .line, resolution: Int(dpi))
        if pictures.count == 1 {
            guard !symbols.isEmpty else { return [nil] }
            return [GlyphReading(text: symbols.map(\.text).joined(), confidence: symbols.map(\.confidence).min() ?? 0)]
        }
        let inOrder = symbols.count == pictures.count && zip(symbols, slots).allSatisfy { s, slot in
            let middle = (s.x0 + s.x1) / 2
            return slot.lowerBound - emPixels <= middle && middle < slot.upperBound + emPixels
        }
        if inOrder { return symbols.map { GlyphReading(text: $0.text, confidence: $0.confidence) } }
        let half = pictures.count / 2
        return readLine(Array(pictures[..<half]), emPixels: emPixels, dpi: dpi) + readLine(Array(pictures[half...]), emPixels: emPixels, dpi: dpi)
    }
}
