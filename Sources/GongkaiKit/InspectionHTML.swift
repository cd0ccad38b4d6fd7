/// One self-contained HTML page for reviewing an extraction: each page image (PNG as a data URI)
/// with its overlay, beside the values read from it (path → value), colour-coded. Every outlined
/// cell links to its row in the list and back (CSS `:target`, no script); hovering a cell shows
/// its path, value and raw text.
public enum InspectionHTML {
    public struct Page: Sendable {
        public var number: Int
        public var png: [UInt8]
        public init(number: Int, png: [UInt8]) { self.number = number; self.png = png }
    }

    public static func render(_ inspection: Inspection, pages: [Page]) -> String {
        let report = inspection.layout.report
        let title = report.title?.title ?? report.source?.path ?? "report"
        var out = "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>gongkai inspect: \(escape(title))</title>\n<style>\n\(style)</style></head><body>\n"
        out += "<h1>\(escape(title))</h1>\n"
        if let source = report.source {
            out += "<p class=\"meta\">\(escape(source.path)) · \(source.pages) pages · sha256 \(escape(String(source.sha256.prefix(16))))…"
            out += " · template \(escape(report.template))"
            if let agency = report.title?.agency { out += " · \(escape(agency))" }
            if let year = report.title?.year { out += " · \(year)" }
            out += "</p>\n"
        }
        let counts = inspection.counts()
        out += "<p class=\"legend\">"
        for status in Inspection.Status.allCases {
            out += "<span class=\"key \(status.rawValue)\"></span>\(legend(status)) (\(counts[status] ?? 0)) "
        }
        out += "<span class=\"key lines\"></span>ruling lines found <span class=\"key grid\"></span>grid cells</p>\n"

        out += "<h2>Checks</h2>\n<ul class=\"checks\">"
        for c in report.checks {
            out += "<li class=\"\(c.ok ? "ok" : "fail")\">\(escape(c.rule)): \(c.ok ? "ok" : "failed")"
            for f in c.failures { out += "<br>at \(escape(f.at)): parts add up to \(f.expected), total says \(f.actual)" }
            if !c.notCheckable.isEmpty { out += "<br>not checkable: \(escape(c.notCheckable.joined(separator: ", ")))" }
            out += "</li>"
        }
        out += "</ul>\n"
        if !report.warnings.isEmpty {
            out += "<h2>Warnings</h2>\n<ul class=\"warnings\">"
            for w in report.warnings {
                out += "<li><code>\(escape(w.code))</code> \(escape(w.message))\(w.page.map { " (page \($0))" } ?? "")</li>"
            }
            out += "</ul>\n"
        }

        for page in pages {
            guard let layout = inspection.layout.page(page.number), layout.width > 0, layout.height > 0 else { continue }
            let marks = inspection.marks(onPage: page.number)
            out += "<section class=\"page\" id=\"page-\(page.number)\">\n<div class=\"sheet\">"
            out += "<img alt=\"page \(page.number)\" src=\"data:image/png;base64,\(Base64.encode(page.png))\">"
            for (i, m) in marks.enumerated() {
                let id = anchor(m, page: page.number, index: i)
                func pct(_ v: Double, _ of: Double) -> String { percent(100 * v / of) }
                out += "<a id=\"m-\(id)\" href=\"#v-\(id)\" class=\"\(m.status.rawValue)\" style=\"left:\(pct(m.box.x0, layout.width));"
                out += "top:\(pct(m.box.y0, layout.height));width:\(pct(m.box.width, layout.width));height:\(pct(m.box.height, layout.height))\""
                out += " title=\"\(escape(tooltip(m)))\"></a>"
            }
            out += "</div>\n<div class=\"values\"><h2>Page \(page.number)</h2>\n"
            out += "<table><tr><th>path</th><th>value</th><th>raw</th><th>note</th></tr>\n"
            for (i, m) in marks.enumerated() {
                let id = anchor(m, page: page.number, index: i)
                out += "<tr id=\"v-\(id)\" class=\"\(m.status.rawValue)\"><td><a href=\"#m-\(id)\">\(escape(m.path ?? "(unmatched cell)"))</a></td>"
                out += "<td>\(m.value?.literal ?? (m.path == nil ? "" : "null"))</td><td>\(escape(m.raw))</td><td>\(escape(m.reason ?? ""))</td></tr>\n"
            }
            out += "</table></div>\n</section>\n"
        }
        out += "</body></html>\n"
        return out
    }

    private static func legend(_ s: Inspection.Status) -> String {
        switch s {
        case .used: return "value used"
        case .inferred: return "inferred"
        case .failed: return "null or failed check"
        case .unmatched: return "number no value came from"
        }
    }

    private static func anchor(_ m: Inspection.Mark, page: Int, index: Int) -> String {
        m.path ?? "unmatched-\(page)-\(index)"
    }

    private static func tooltip(_ m: Inspection.Mark) -> String {
        var s = (m.path ?? "unmatched cell") + (m.path == nil ? "" : " = " + (m.value?.literal ?? "null"))
        s += " (raw \u{201C}\(m.raw)\u{201D})"
        if let reason = m.reason { s += ": " + reason }
        return s
    }

    private static func percent(_ v: Double) -> String {
        let r = (v * 1000).rounded() / 1000
        return String(r) + "%"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    private static var style: String {
        func c(_ s: Inspection.Status) -> String { s.color.hex }
        return """
        body{font:14px/1.4 system-ui,sans-serif;margin:1em 2em;color:#222}
        h1{font-size:1.4em}.meta{color:#555}
        .legend .key{display:inline-block;width:1.6em;height:.9em;margin:0 .3em 0 1em;vertical-align:middle;border:2px solid}
        .key.used{border-color:\(c(.used))}.key.inferred{border-color:\(c(.inferred))}
        .key.failed{border-color:\(c(.failed))}.key.unmatched{border:2px dashed \(c(.unmatched))}
        .key.lines{border:0;border-top:2px solid \(Inspection.rulingLineColor.hex);height:0}
        .key.grid{border:1px dashed \(Inspection.gridColor.hex)}
        .checks .ok{color:\(c(.used))}.checks .fail{color:\(c(.failed));font-weight:bold}
        .page{display:flex;gap:1.5em;align-items:flex-start;border-top:1px solid #ccc;padding-top:1em;margin-top:1.5em}
        .sheet{position:relative;flex:0 0 auto;width:min(56vw,900px)}
        .sheet img{display:block;width:100%;border:1px solid #aaa}
        .sheet a{position:absolute;display:block}
        .sheet a:hover,.sheet a:target{outline:3px solid #000;background:rgba(255,230,0,.35)}
        .values{flex:1 1 auto;max-height:95vh;overflow:auto}
        .values h2{margin-top:0}
        table{border-collapse:collapse;font-size:13px}
        th,td{padding:1px 6px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
        td:nth-child(2){text-align:right;font-variant-numeric:tabular-nums}
        td a{color:inherit;text-decoration:none}
        td:last-child{min-width:12em;color:#555}
        tr.used td:first-child{border-left:6px solid \(c(.used))}
        tr.inferred td:first-child{border-left:6px solid \(c(.inferred))}
        tr.inferred{background:#fff3e0}
        tr.failed td:first-child,tr.unmatched td:first-child{border-left:6px solid \(c(.failed))}
        tr.failed,tr.unmatched{background:#fdecea}
        tr:target{background:#ffef9e;outline:2px solid #000}

        """
    }
}
