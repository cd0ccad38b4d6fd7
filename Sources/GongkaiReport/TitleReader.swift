import Foundation

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

    /// `lines`: the text lines of the first page(s), top to bottom.
    public static func read(lines: [String]) -> Title? {
        let folded = lines.map { LabelText.fold($0) }
        for (i, line) in folded.enumerated().prefix(40) {
            guard let suffix = suffixes.first(where: { line.contains($0) }) else { continue }
            var title = line
            // The agency may stand alone on the line before (title split over two lines).
            if i > 0, yearIn(line) != nil || line.hasPrefix(suffix), agencyPart(of: line, suffix: suffix).isEmpty {
                let prev = folded[i - 1]
                if !prev.isEmpty, prev.count <= 30, !prev.contains("。") { title = prev + line }
            }
            if let end = title.range(of: suffix)?.upperBound { title = String(title[..<end]) }
            let agency = agencyPart(of: title, suffix: suffix)
            return Title(title: title, agency: agency.isEmpty ? nil : agency, year: yearIn(title))
        }
        return nil
    }

    static func yearIn(_ s: String) -> Int? {
        guard let r = s.range(of: #"(19|20)\d\d(?=年)"#, options: .regularExpression) else { return nil }
        return Int(s[r])
    }

    static func agencyPart(of title: String, suffix: String) -> String {
        var s = title
        if let r = s.range(of: suffix) { s = String(s[..<r.lowerBound]) }
        s = s.replacingOccurrences(of: #"(19|20)\d\d年度?"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"^关于"#, with: "", options: .regularExpression)
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " 　:：,，.。-—\"“”《》<>()（）"))
    }
}
