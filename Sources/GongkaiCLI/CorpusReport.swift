import GongkaiKit

/// The corpus run summarised: the score line (the same figures as `tools/score`) and an optional
/// Markdown or HTML report, worst documents first.
enum CorpusReport {
    struct Row {
        var input: String
        var cells: Int
        var right: Int
        var lines: [String]
        var failed: Bool
        var accuracy: Double { cells == 0 ? (failed ? 0 : 1) : Double(right) / Double(cells) }
    }

    struct Totals {
        var cells = 0, right = 0, metadata = 0, metadataRight = 0, broken = 0, flagged = 0, falseAlarms = 0
        var passed = 0, failed = 0

        mutating func add(cells: Int, right: Int, metadata: Int, metadataRight: Int, broken: Int, flagged: Int, falseAlarms: Int) {
            self.cells += cells; self.right += right; self.metadata += metadata; self.metadataRight += metadataRight
            self.broken += broken; self.flagged += flagged; self.falseAlarms += falseAlarms
        }

        var scoreLine: String {
            let rate = cells == 0 ? 0 : 100 * Double(right) / Double(cells)
            return "cells \(percent(rate)) (\(right)/\(cells)), documents exact \(passed)/\(passed + failed), metadata \(metadataRight)/\(metadata), broken checks flagged \(flagged)/\(broken), false alarms \(falseAlarms)"
        }
    }

    static func percent(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        let s = String(r)
        let decimals = s.split(separator: ".").last?.count ?? 0
        return (decimals == 1 ? s + "0" : s) + "%"
    }

    static func render(rows: [Row], totals: Totals, html: Bool) -> String {
        let sorted = rows.sorted { ($0.accuracy, -$0.lines.count, $0.input) < ($1.accuracy, -$1.lines.count, $1.input) }
        if html {
            func esc(_ s: String) -> String {
                s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            }
            var out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>gongkai corpus</title>"
            out += "<style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:2px 6px}.fail{color:#b00}</style></head><body>\n"
            out += "<h1>Corpus check</h1>\n<p>\(esc(totals.scoreLine))</p>\n<p>\(totals.passed) passed, \(totals.failed) failed</p>\n"
            out += "<table><tr><th>document</th><th>status</th><th>cells right</th><th>differences</th></tr>\n"
            for r in sorted {
                out += "<tr><td>\(esc(r.input))</td><td class=\"\(r.failed ? "fail" : "ok")\">\(r.failed ? "differs" : "ok")</td>"
                out += "<td>\(r.right)/\(r.cells) (\(percent(100 * r.accuracy)))</td><td>\(r.lines.prefix(20).map(esc).joined(separator: "<br>"))</td></tr>\n"
            }
            return out + "</table></body></html>\n"
        }
        var out = "# Corpus check\n\n\(totals.scoreLine)\n\n\(totals.passed) passed, \(totals.failed) failed\n\n"
        out += "| document | status | cells right | differences |\n|---|---|---|---|\n"
        for r in sorted {
            let diffs = r.lines.prefix(20).map { $0.replacing("|", with: "\\|") }.joined(separator: "<br>")
            out += "| \(r.input) | \(r.failed ? "**differs**" : "ok") | \(r.right)/\(r.cells) (\(percent(100 * r.accuracy))) | \(diffs) |\n"
        }
        return out
    }
}
