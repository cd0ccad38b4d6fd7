import CPoppler
import PageGeometry

/// Draws `OverlayShape`s on a cairo context whose user space is the page's (points, y down).
enum OverlayRenderer {
    static func draw(_ shapes: [OverlayShape], on cr: OpaquePointer?) {
        guard !shapes.isEmpty else { return }
        cairo_save(cr)
        cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
        for shape in shapes {
            switch shape {
            case let .rectangle(rect, stroke, fill, lineWidth, dash, label):
                if let fill {
                    set(cr, fill)
                    cairo_rectangle(cr, rect.x0, rect.y0, rect.width, rect.height)
                    cairo_fill(cr)
                }
                if let stroke {
                    set(cr, stroke)
                    setDash(cr, dash)
                    cairo_set_line_width(cr, lineWidth)
                    // Inset by half the stroke so the outline stays inside the cell it marks.
                    let inset = rect.insetBy(dx: min(lineWidth / 2, rect.width / 2), dy: min(lineWidth / 2, rect.height / 2))
                    cairo_rectangle(cr, inset.x0, inset.y0, inset.width, inset.height)
                    cairo_stroke(cr)
                    setDash(cr, [])
                }
                if let label { drawLabel(label, in: rect, on: cr) }
            case let .line(x0, y0, x1, y1, color, width, dash):
                set(cr, color)
                setDash(cr, dash)
                cairo_set_line_width(cr, width)
                cairo_move_to(cr, x0, y0)
                cairo_line_to(cr, x1, y1)
                cairo_stroke(cr)
                setDash(cr, [])
            }
        }
        cairo_restore(cr)
    }

    private static func set(_ cr: OpaquePointer?, _ c: OverlayColor) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    private static func setDash(_ cr: OpaquePointer?, _ dash: [Double]) {
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    /// The label in the rectangle's top-left corner, on a translucent white band per line, clipped
    /// to the rectangle.
    private static func drawLabel(_ label: OverlayLabel, in rect: Rect, on cr: OpaquePointer?) {
        guard !label.text.isEmpty, rect.width > 1, rect.height > 1 else { return }
        let pad = 0.8
        cairo_set_font_size(cr, 1)
        // The top part of the cell only, so that a value printed in its middle stays visible.
        let height = min(rect.height - 2 * pad, max(rect.height * 0.6, label.minSize * LabelFit.leading))
        let fit = LabelFit.fit(label.text, width: rect.width - 2 * pad, height: height,
                               maxSize: label.maxSize, minSize: label.minSize) { piece in
            var extents = cairo_text_extents_t()
            cairo_text_extents(cr, piece, &extents)
            return extents.x_advance
        }
        cairo_save(cr)
        cairo_rectangle(cr, rect.x0, rect.y0, rect.width, rect.height)
        cairo_clip(cr)
        cairo_set_font_size(cr, fit.size)
        for (i, line) in fit.lines.enumerated() {
            var extents = cairo_text_extents_t()
            cairo_text_extents(cr, line, &extents)
            let top = rect.y0 + pad + Double(i) * fit.size * LabelFit.leading
            cairo_set_source_rgba(cr, 1, 1, 1, 0.35)
            cairo_rectangle(cr, rect.x0 + pad - 0.3, top, extents.x_advance + 0.6, fit.size * LabelFit.leading)
            cairo_fill(cr)
            set(cr, label.color)
            cairo_move_to(cr, rect.x0 + pad, top + fit.size * 0.9)
            cairo_show_text(cr, line)
        }
        cairo_restore(cr)
    }
}

/// Chooses a label's type size and line breaks so that it fits a box: the largest size from
/// `maxSize` down to `minSize` at which the text, broken after `.` or `_` where needed, fits; else
/// `minSize`, broken, and left to be clipped.
enum LabelFit {
    /// Line height as a multiple of the type size.
    static let leading = 1.15

    /// `measure` gives a piece's advance width at size 1.
    static func fit(_ text: String, width: Double, height: Double, maxSize: Double, minSize: Double,
                    measure: (String) -> Double) -> (size: Double, lines: [String]) {
        let pieces = breakable(text)
        let widths = pieces.map(measure)
        var size = maxSize
        while size >= minSize - 1e-9 {
            let lines = wrap(pieces, widths: widths, limit: width / size)
            let widest = lines.map { $0.width }.max() ?? 0
            if widest * size <= width + 1e-9 && Double(lines.count) * size * leading <= height + 1e-9 {
                return (size, lines.map(\.text))
            }
            size -= 0.25
        }
        return (minSize, wrap(pieces, widths: widths, limit: width / minSize).map(\.text))
    }

    /// The text cut after every `.` and `_` (the places a key may break).
    static func breakable(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if ch == "." || ch == "_" { pieces.append(current); current = "" }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Greedy lines of pieces no wider than `limit` (a piece wider than the limit gets its own line).
    static func wrap(_ pieces: [String], widths: [Double], limit: Double) -> [(text: String, width: Double)] {
        var lines: [(text: String, width: Double)] = []
        for (piece, w) in zip(pieces, widths) {
            if let last = lines.last, last.width + w <= limit + 1e-9 {
                lines[lines.count - 1] = (last.text + piece, last.width + w)
            } else {
                lines.append((piece, w))
            }
        }
        return lines
    }
}
