/// One character of a page's text layer with the box Poppler reports for it.
public struct Glyph: Hashable, Sendable {
    /// The character as Unicode text (one grapheme; ligatures may give more than one scalar).
    public let text: String
    public var box: Rect
    /// Whether the glyph is a space of some kind (kept: every layout step asks, per glyph).
    public let isWhitespace: Bool

    public init(text: String, box: Rect) {
        self.text = text
        self.box = box
        self.isWhitespace = text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
