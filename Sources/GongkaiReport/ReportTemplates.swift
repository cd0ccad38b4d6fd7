/// The report tables of both formats as data: row and column labels, JSON keys, value kinds.
///
/// This is the one place that knows the official formats; the readers only interpret it.
/// Labels are written as in the official template; matching normalises them (see `LabelText`).
public enum ReportTemplates {
    // MARK: 二 主动公开政府信息情况

    public struct ProactiveRow: Sendable {
        public let key: String
        public let labels: [String]
        /// nil: the row exists in both formats.
        public let version: TemplateVersion?
    }

    public struct ProactiveColumn: Sendable {
        public let key: String
        /// Header labels that name the column; the first is the canonical one.
        public let labels: [String]
        public let kind: ValueKind
        /// nil: the column exists in both formats.
        public let version: TemplateVersion?
    }

    public static let proactiveRows: [ProactiveRow] = [
        .init(key: "rules", labels: ["规章"], version: nil),
        .init(key: "normative_documents", labels: ["行政规范性文件", "规范性文件"], version: nil),
        .init(key: "licensing", labels: ["行政许可"], version: nil),
        .init(key: "other_external_services", labels: ["其他对外管理服务事项"], version: .v2019),
        .init(key: "penalty", labels: ["行政处罚"], version: nil),
        .init(key: "coercion", labels: ["行政强制"], version: nil),
        .init(key: "fees", labels: ["行政事业性收费"], version: nil),
        .init(key: "procurement", labels: ["政府集中采购"], version: .v2019),
    ]

    public static let proactiveColumns: [ProactiveColumn] = [
        .init(key: "issued", labels: ["本年制发件数"], kind: .count, version: .v2021),
        .init(key: "repealed", labels: ["本年废止件数"], kind: .count, version: .v2021),
        .init(key: "in_force", labels: ["现行有效件数"], kind: .count, version: .v2021),
        .init(key: "new_made", labels: ["本年新制作数量"], kind: .count, version: .v2019),
        .init(key: "new_published", labels: ["本年新公开数量"], kind: .count, version: .v2019),
        .init(key: "total_published", labels: ["对外公开总数量"], kind: .count, version: .v2019),
        .init(key: "previous_year_items", labels: ["上一年项目数量"], kind: .count, version: .v2019),
        .init(key: "change", labels: ["本年增/减", "本年增减", "增/减"], kind: .signedCount, version: .v2019),
        .init(key: "decisions", labels: ["本年处理决定数量", "处理决定数量"], kind: .count, version: nil),
        .init(key: "amount_wan_yuan", labels: ["本年收费金额（单位：万元）", "本年收费金额", "收费金额"], kind: .money, version: .v2021),
        .init(key: "projects", labels: ["采购项目数量"], kind: .count, version: .v2019),
        .init(key: "amount", labels: ["采购总金额"], kind: .money, version: .v2019),
    ]

    /// The header cell that starts every column-header row of table 二.
    public static let proactiveHeaderMarker = "信息内容"

    // MARK: 三 收到和处理政府信息公开申请情况

    /// A column of the merged 申请人情况 header.
    public struct ApplicantColumn: Sendable {
        public let key: String
        public let label: String
    }

    public static let applicantColumns: [ApplicantColumn] = [
        .init(key: "natural_person", label: "自然人"),
        .init(key: "commercial_enterprise", label: "商业企业"),
        .init(key: "research_institution", label: "科研机构"),
        .init(key: "social_welfare_org", label: "社会公益组织"),
        .init(key: "legal_service_org", label: "法律服务机构"),
        .init(key: "other_org", label: "其他"),
        .init(key: "total", label: "总计"),
    ]

    /// A row of table 三. `path` is the dotted key below `applications`; `labels` the label cells from
    /// the outermost group to the row's own label, as they stand in the template.
    public struct ApplicationRow: Sendable {
        public let path: String
        public let labels: [String]
        public let version: TemplateVersion?
    }

    private static let results = "三、本年度办理结果"
    private static let withheld = "（三）不予公开"
    private static let unable = "（四）无法提供"
    private static let notProcessed = "（五）不予处理"
    private static let otherHandling = "（六）其他处理"

    public static let applicationRows: [ApplicationRow] = [
        .init(path: "new_received", labels: ["一、本年新收政府信息公开申请数量"], version: nil),
        .init(path: "carried_over", labels: ["二、上年结转政府信息公开申请数量"], version: nil),
        .init(path: "results.granted", labels: [results, "（一）予以公开"], version: nil),
        .init(path: "results.partially_granted", labels: [results, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"], version: nil),
        .init(path: "results.withheld.state_secret", labels: [results, withheld, "1.属于国家秘密"], version: nil),
        .init(path: "results.withheld.prohibited_by_law", labels: [results, withheld, "2.其他法律行政法规禁止公开"], version: nil),
        .init(path: "results.withheld.security_stability", labels: [results, withheld, "3.危及“三安全一稳定”"], version: nil),
        .init(path: "results.withheld.third_party_rights", labels: [results, withheld, "4.保护第三方合法权益"], version: nil),
        .init(path: "results.withheld.internal_affairs", labels: [results, withheld, "5.属于三类内部事务信息"], version: nil),
        .init(path: "results.withheld.process_information", labels: [results, withheld, "6.属于四类过程性信息"], version: nil),
        .init(path: "results.withheld.enforcement_files", labels: [results, withheld, "7.属于行政执法案卷"], version: nil),
        .init(path: "results.withheld.inquiry_matters", labels: [results, withheld, "8.属于行政查询事项"], version: nil),
        .init(path: "results.unable.not_held", labels: [results, unable, "1.本机关不掌握相关政府信息"], version: nil),
        .init(path: "results.unable.needs_creation", labels: [results, unable, "2.没有现成信息需要另行制作"], version: nil),
        .init(path: "results.unable.unclear_after_correction", labels: [results, unable, "3.补正后申请内容仍不明确"], version: nil),
        .init(path: "results.not_processed.petition_complaint", labels: [results, notProcessed, "1.信访举报投诉类申请"], version: nil),
        .init(path: "results.not_processed.duplicate", labels: [results, notProcessed, "2.重复申请"], version: nil),
        .init(path: "results.not_processed.publications", labels: [results, notProcessed, "3.要求提供公开出版物"], version: nil),
        .init(path: "results.not_processed.excessive_requests", labels: [results, notProcessed, "4.无正当理由大量反复申请"], version: nil),
        .init(path: "results.not_processed.confirmation", labels: [results, notProcessed, "5.要求行政机关确认或重新出具已获取信息"], version: nil),
        .init(path: "results.other.no_correction", labels: [results, otherHandling, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"], version: .v2021),
        .init(path: "results.other.fee_unpaid", labels: [results, otherHandling, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"], version: .v2021),
        .init(path: "results.other.other", labels: [results, otherHandling, "3.其他"], version: .v2021),
        .init(path: "results.other_handling", labels: [results, otherHandling], version: .v2019),
        .init(path: "results.total", labels: [results, "（七）总计"], version: nil),
        .init(path: "carried_forward", labels: ["四、结转下年度继续办理"], version: nil),
    ]

    /// Header words that identify table 三.
    public static let applicationsMarkers = ["申请人情况", "本年新收政府信息公开申请数量", "自然人"]

    // MARK: 四 行政复议、行政诉讼

    public struct ReviewGroup: Sendable {
        public let key: String
        /// Header label of the group; matched in the header path above a value column.
        public let label: String
    }

    /// Checked in this order: 未经复议直接起诉 contains 复议, so the specific labels come first.
    public static let reviewGroups: [ReviewGroup] = [
        .init(key: "litigation_direct", label: "未经复议直接起诉"),
        .init(key: "litigation_after_review", label: "复议后起诉"),
        .init(key: "review", label: "行政复议"),
    ]

    public struct ReviewOutcome: Sendable {
        public let key: String
        public let label: String
    }

    public static let reviewOutcomes: [ReviewOutcome] = [
        .init(key: "upheld", label: "结果维持"),
        .init(key: "corrected", label: "结果纠正"),
        .init(key: "other", label: "其他结果"),
        .init(key: "pending", label: "尚未审结"),
        .init(key: "total", label: "总计"),
    ]

    public static let reviewMarkers = ["行政复议", "行政诉讼"]
}
