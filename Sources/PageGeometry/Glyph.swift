/// One character of a page's text layer with the box Poppler reports for it.
public struct Glyph: Hashable, Sendable {
    /// The character as Unicode text (one grapheme; ligatures may give more than one scalar).
    public var text: String
    public var box: Rect

    public init(text: String, box: Rect) {
        self.text = text
        self.box = box
    }

    public var isWhitespace: Bool { text.allSatisfy { $0.isWhitespace } }
}
