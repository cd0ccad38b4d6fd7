/// Why a readable document is still not a report this tool can read.
public enum ReportError: Error, Equatable, Sendable {
    /// No table of the annual-report format was found (maybe not a 政府信息公开工作年度报告).
    case noReportTables(detail: String)
    /// It is a report, but its tables follow a format other than 2019/2021 (e.g. a pre-2019 report).
    case unknownTemplate(detail: String)
}

extension ReportError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .noReportTables(let d): return "no report tables found: \(d)"
        case .unknownTemplate(let d): return "unknown template: \(d)"
        }
    }
}
