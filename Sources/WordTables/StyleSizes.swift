/// Type sizes that `word/styles.xml` gives paragraphs, so that a title set by a style ("标题",
/// "Title", a heading) rather than by direct formatting still reads as larger type.
struct StyleSizes: Sendable {
    /// Points by paragraph style id, `w:basedOn` chains resolved.
    private var byStyle: [String: Double] = [:]
    /// The document default (`w:docDefaults`), 10.5 pt (Word's 五号) when unset.
    private(set) var defaultSize = 10.5

    init() {}

    init(styles: XMLElement) {
        if let size = styles.child("docDefaults")?.child("rPrDefault")?.child("rPr").flatMap(Self.size) { defaultSize = size }
        var own: [String: Double] = [:]
        var basedOn: [String: String] = [:]
        for style in styles.elements where style.name == "style" && style.attributes["type"] == "paragraph" {
            guard let id = style.attributes["styleId"] else { continue }
            if let size = style.child("rPr").flatMap(Self.size) { own[id] = size }
            if let parent = style.value(of: "basedOn") { basedOn[id] = parent }
        }
        for id in Set(own.keys).union(basedOn.keys) {
            var current: String? = id
            var seen: Set<String> = []
            while let c = current, seen.insert(c).inserted {
                if let size = own[c] { byStyle[id] = size; break }
                current = basedOn[c]
            }
        }
    }

    /// The size a paragraph of style `id` is set in (the default for an unknown or unset style).
    func size(ofParagraphStyle id: String?) -> Double { id.flatMap { byStyle[$0] } ?? defaultSize }

    /// `w:sz` of run properties, in points (it is in half-points).
    static func size(_ runProperties: XMLElement) -> Double? {
        guard let v = runProperties.value(of: "sz").flatMap(Double.init), v.isFinite, v > 0, v < 10_000 else { return nil }
        return v / 2
    }
}
