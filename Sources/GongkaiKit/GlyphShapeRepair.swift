import OCRKit
import PageGeometry
import PopplerKit
import ScanImaging

/// Reading the suspect glyphs (`MisencodedGlyphs.suspects`) back from their shapes: the page
/// rendered with its ruling lines painted out, one occurrence of each glyph cut out at a common em
/// height, the lot read by OCR a line at a time, and the page's characters given the readings.
extension MisencodedGlyphs {
    /// Em height, in pixels, glyphs are read at (10.5 pt type at some 270 dpi).
    static let emPixels = 40
    /// Least confidence taken for a reading; a reading holding a digit needs `digitConfidence`.
    static let minConfidence = 50
    static let digitConfidence = 90

    /// The page's characters with the suspect glyphs read by OCR; nil when the page has none, or
    /// OCR is not installed. A suspect glyph OCR cannot read becomes `unread`.
    static func repair(_ drawn: DrawnText, document: PDFDocument, page index: Int, pool: CellReaderPool) -> (text: DrawnText, summary: Summary)? {
        let suspects = suspects(in: drawn)
        guard !suspects.isEmpty else { return nil }
        let samples = samples(of: suspects, in: drawn)
        let sizes = samples.values.map(\.character.size).sorted()
        guard !sizes.isEmpty else { return nil }
        let scale = min(8, max(1.5, Double(emPixels) / sizes[sizes.count / 2]))
        guard let raster = document.grayRaster(page: index, scale: scale) else { return nil }
        var page = GrayImage(width: raster.width, height: raster.height, pixels: raster.pixels)
        paintOver(document.rulingLines(page: index, glyphs: drawn.glyphs), on: &page, scale: scale)
        // In a fixed order: the glyphs read beside each other on a line colour each other's readings.
        let ids = samples.keys.sorted { ($0.font, $0.generation, $0.code) < ($1.font, $1.generation, $1.code) }
        let pictures = ids.map { picture(of: samples[$0]!, on: page, scale: scale) }
        let dpi = 72 * Double(emPixels) / 10.5
        guard let readings = pool.withReader({ reader in
            zip(pictures, reader.readGlyphs(pictures, emPixels: emPixels, dpi: dpi)).map { picture, reading in
                reading.flatMap(accepted).map { $0 == "O" || $0 == "o" || $0 == "〇" ? nil : $0 } ?? readAsCell(picture, reader: reader, dpi: dpi)
            }
        }) else { return nil }
        var texts: [DrawnText.GlyphID: String] = [:]
        for (id, reading) in zip(ids, readings) where reading != nil { texts[id] = reading }
        return (substituted(drawn, suspects: suspects, texts: texts), Summary(suspects: suspects.count, read: texts.count))
    }

    /// A glyph's occurrence on the page and how far its ink may reach along the line.
    struct Sample {
        var character: DrawnText.Character
        /// In points: its width, but no further than where the next character on its line starts
        /// (Ghostscript gives fonts widths of nearly four ems and moves each glyph back by TJ),
        /// nor past an em and a little.
        var advance: Double
    }

    /// For each suspect glyph, the occurrence it is read from: the largest drawn left to right.
    static func samples(of suspects: Set<DrawnText.GlyphID>, in drawn: DrawnText) -> [DrawnText.GlyphID: Sample] {
        var out: [DrawnText.GlyphID: Sample] = [:]
        let characters = drawn.characters
        for (i, c) in characters.enumerated() where c.dx > 0 && abs(c.dy) <= 0.05 * c.dx {
            guard let id = c.glyph, suspects.contains(id) else { continue }
            if let best = out[id], best.character.size >= c.size { continue }
            var advance = min((c.width ?? 1) * c.size, 1.05 * c.size)
            if i + 1 < characters.count {
                let next = characters[i + 1], step = next.x - c.x
                if abs(next.y - c.y) < 0.2 * c.size, step > 0.2 * c.size { advance = min(advance, step) }
            }
            out[id] = Sample(character: c, advance: advance)
        }
        return out
    }

    /// The glyph's em box cut from the page rendered at `scale`, scaled to `emPixels` tall.
    static func picture(of sample: Sample, on page: GrayImage, scale: Double) -> GrayImage {
        let c = sample.character
        let x0 = Int((c.x * scale).rounded(.down)), x1 = Int(((c.x + sample.advance) * scale).rounded(.up))
        let y0 = Int(((c.y - 0.92 * c.size) * scale).rounded(.down)), y1 = Int(((c.y + 0.16 * c.size) * scale).rounded(.up))
        var crop = page.cropped(x0: max(0, x0), y0: max(0, y0), x1: min(page.width, max(x0 + 1, x1)), y1: min(page.height, max(y0 + 1, y1)))
        let em = c.size * scale
        if abs(em - Double(emPixels)) > 0.1 * Double(emPixels) { crop = crop.scaled(by: Double(emPixels) / em) }
        return crop
    }

    /// The page's ruling lines painted paper-white: a table's rule close above or beside a glyph
    /// falls inside its em box, and read with it turns 年 into 其.
    static func paintOver(_ rules: [RulingLine], on page: inout GrayImage, scale: Double) {
        for rule in rules {
            let half = rule.thickness / 2 + 1 / scale
            let across = (Int(((rule.position - half) * scale).rounded(.down)), Int(((rule.position + half) * scale).rounded(.up)))
            let along = (Int((rule.start * scale).rounded(.down)), Int((rule.end * scale).rounded(.up)))
            let (xs, ys) = rule.orientation == .horizontal ? (along, across) : (across, along)
            for y in max(0, ys.0)..<min(page.height, max(0, ys.1 + 1)) {
                for x in max(0, xs.0)..<min(page.width, max(0, xs.1 + 1)) { page.pixels[y * page.width + x] = 255 }
            }
        }
    }

    /// A glyph the line left unread, or read as a letter O, read as a table cell is: a lone 0 or
    /// 1 is told by the digit model and its shape (`CellReader.read`), which the Chinese model,
    /// reading a glyph alone, takes for O or nothing.
    static func readAsCell(_ picture: GrayImage, reader: CellReader, dpi: Double) -> String? {
        let cell = reader.read(picture.padded(4), threshold: 160, dpi: dpi)
        guard !cell.doubtful, let confidence = cell.confidence else { return nil }
        return accepted(CellReader.GlyphReading(text: cell.text, confidence: confidence))
    }

    /// A reading's text when it is sure enough and one glyph's worth (at most two characters).
    static func accepted(_ reading: CellReader.GlyphReading) -> String? {
        let text = reading.text.filter { !$0.isWhitespace }
        guard !text.isEmpty, text.count <= 2, reading.confidence >= minConfidence else { return nil }
        if text.contains(where: \.isASCII), text.contains(where: \.isNumber), reading.confidence < digitConfidence { return nil }
        return text
    }

    /// The characters with each suspect glyph's text replaced by its reading (`unread` when
    /// none: a number missing a digit must not read as a shorter number), and a glyph drawn twice at one place (a bold face faked by overprinting) once.
    static func substituted(_ drawn: DrawnText, suspects: Set<DrawnText.GlyphID>, texts: [DrawnText.GlyphID: String]) -> DrawnText {
        struct Place: Hashable { var glyph: DrawnText.GlyphID?, text: String, x: Int, y: Int }
        var seen = Set<Place>()
        var out: [DrawnText.Character] = []
        out.reserveCapacity(drawn.characters.count)
        let characters = drawn.characters
        for (i, var c) in characters.enumerated() {
            if let id = c.glyph, suspects.contains(id) {
                c.text = texts[id] ?? unread
                if c.text == "一", standsAlone(i, in: characters) { c.text = "—" }
            }
            c.dx = visibleAdvance(c, next: i + 1 < characters.count ? characters[i + 1] : nil)
            let quarter = max(0.5, c.size / 4)
            let place = Place(glyph: c.glyph, text: c.text, x: Int((c.x / quarter).rounded()), y: Int((c.y / quarter).rounded()))
            guard seen.insert(place).inserted else { continue }
            out.append(c)
        }
        return DrawnText(characters: out)
    }

    /// Whether character `i` has no neighbour within an em on its line: a dash alone in a table
    /// cell, which read alone is 一 (the ideograph 一 stands in words: 第一项, 一、, （一）).
    static func standsAlone(_ i: Int, in characters: [DrawnText.Character]) -> Bool {
        let c = characters[i]
        return ![i - 1, i + 1].contains { k in
            guard characters.indices.contains(k) else { return false }
            let n = characters[k]
            return !isSpace(n.text) && abs(n.y - c.y) < 0.3 * c.size && abs(n.x - c.x) < 2.2 * c.size
        }
    }

    /// How far a character left to right reaches along its line: its advance, but not past the
    /// next character's start on the same baseline, nor past `maxAdvance` ems (Ghostscript gives
    /// re-encoded fonts widths of nearly four ems and moves each glyph back by TJ: boxed by their
    /// widths, the digits of a row would spread over the next columns).
    static func visibleAdvance(_ c: DrawnText.Character, next: DrawnText.Character?) -> Double {
        guard c.dx > 0, abs(c.dy) <= 0.05 * c.dx else { return c.dx }
        var advance = min(c.dx, maxAdvance * c.size)
        if let next, abs(next.y - c.y) < 0.2 * c.size, next.x > c.x { advance = min(advance, next.x - c.x) }
        return advance
    }

    /// What a glyph OCR could not read stands as: no digit, no label's character.
    static let unread = "\u{FFFD}"

    /// No report's glyph is wider than this many ems.
    static let maxAdvance = 1.5
}
