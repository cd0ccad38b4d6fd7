/// Reads the report's title, agency and year from the first lines of the document.
///
/// Titles come as 「2019年三台县卫生健康委员会政府信息公开工作年度报告」, 「获嘉县财政局2024年政府信息
/// 公开工作年度报告」, 「…2025年度…」, or split over two lines (agency, then year + 政府信息公开…).
public enum TitleReader {
    public struct Title: Sendable, Equatable {
        public var title: String
        public var agency: String?
        public var year: Int?
    }

    static let suffixes = ["政府信息公开工作年度报告", "政府信息公开年度报告", "政务公开工作年度报告", "信息公开工作年度报告", "政府信息公开工作报告"]

    /// A line of the document's opening: its text and glyph height (a proxy for font size).
    public struct HeadLine: Sendable {
        public var text: String
        public var height: Double
        public init(text: String, height: Double) { self.text = text; self.height = height }
    }

    /// The title among the first lines of the document: the block set in the largest type at the
    /// top (titles wrap, so consecutive large lines are joined), else the first line(s) that name
    /// the report.
    public static func read(lines: [HeadLine]) -> Title? {
        let head = Array(lines.prefix(40)).filter { !LabelText.fold($0.text).isEmpty }
        guard !head.isEmpty else { return nil }
        let heights = head.map(\.height).sorted()
        let median = heights[heights.count / 2]
        if let top = head.prefix(15).map(\.height).max(), top >= 1.15 * median,
           let first = head.firstIndex(where: { $0.height >= 0.9 * top }) {
            var block = ""
            for line in head[first...] {
                guard line.height >= 0.9 * top else { break }
                block += LabelText.fold(line.text)
            }
            if let t = parse(block) { return t }
        }
        let folded = head.map { LabelText.fold($0.text) }
        for i in folded.indices {
            let pair = folded[i] + (i + 1 < folded.count ? folded[i + 1] : "")
            guard suffixes.contains(where: { pair.contains($0) }) else { continue }
            // A title wrapped after its agency: take the line before too when this one starts with the year.
            let withPrevious = i > 0 && yearIn(folded[i]) != nil && folded[i].hasPrefix(String(yearIn(folded[i])!)) && folded[i - 1].count <= 30
            if let t = parse((withPrevious ? folded[i - 1] : "") + pair) { return t }
        }
        return nil
    }

    /// Convenience for plain strings (no size information).
    public static func read(lines: [String]) -> Title? {
        read(lines: lines.map { HeadLine(text: $0, height: 10) })
    }

    /// Title, agency and year from text that contains the title (and maybe more after it).
    static func parse(_ folded: String) -> Title? {
        guard let suffix = suffixes.first(where: { folded.contains($0) }) else { return nil }
        // The report's name as the body cites it (关于印发《中华人民共和国政府信息公开工作年度报告格式》的
        // 通知) is not a title: a mention followed by 格式, or with a book-title mark or 关于印发
        // before it, is skipped for the next one.
        for range in folded.ranges(of: suffix) where !folded[range.upperBound...].hasPrefix("格式") {
            let title = String(folded[..<range.upperBound])
            let agency = agencyPart(of: title, suffix: suffix)
            guard agency.count <= 40, !agency.contains(where: citationMarks.contains), !agency.contains("关于印发") else { continue }
            return Title(title: title, agency: agency.isEmpty ? nil : agency, year: yearIn(title))
        }
        return nil
    }

    /// Book-title marks: an agency name never holds them; a citation of a document does.
    static let citationMarks: Set<Character> = ["《", "》", "〈", "〉"]

    /// The first `19xx年` / `20xx年` in the text.
    static func yearIn(_ s: String) -> Int? {
        yearSpans(Array(s)).first.map(\.year)
    }

    /// Every `YYYY年` (and `YYYY年度`) in the text, with where it stands.
    private static func yearSpans(_ c: [Character]) -> [(range: Range<Int>, year: Int)] {
        var out: [(Range<Int>, Int)] = []
        var i = 0
        while i + 4 < c.count {
            let digits = c[i..<(i + 4)]
            if digits.allSatisfy({ $0.isASCII && $0.isNumber }), (c[i] == "1" && c[i + 1] == "9") || (c[i] == "2" && c[i + 1] == "0"),
               c[i + 4] == "年", i == 0 || !(c[i - 1].isASCII && c[i - 1].isNumber) {
                var end = i + 5
                if end < c.count, c[end] == "度" { end += 1 }
                out.append((i..<end, Int(String(digits))!))
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    private static let trimmed: Set<Character> = Set(" 　:：,，.。-—\"“”《》<>()（）")

    static func agencyPart(of title: String, suffix: String) -> String {
        var s = title
        if let r = s.firstRange(of: suffix) { s = String(s[..<r.lowerBound]) }
        var chars = Array(s)
        for span in yearSpans(chars).reversed() { chars.removeSubrange(span.range) }
        if chars.starts(with: ["关", "于"]) { chars.removeFirst(2) }
        while let f = chars.first, trimmed.contains(f) { chars.removeFirst() }
        while let l = chars.last, trimmed.contains(l) { chars.removeLast() }
        return String(chars)
    }
}
