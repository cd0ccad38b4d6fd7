/// Builds small PDFs in memory for the tests: numbered objects, a classic cross-reference table.
struct MiniPDF {
    var objects: [String] = []

    /// Adds an object; returns its number.
    @discardableResult
    mutating func add(_ body: String) -> Int {
        objects.append(body)
        return objects.count
    }

    /// A stream object of `content` (not compressed).
    @discardableResult
    mutating func addStream(_ content: String, extra: String = "") -> Int {
        add("<< /Length \(content.utf8.count) \(extra)>>\nstream\n\(content)\nendstream")
    }

    /// The file, with object 1 as the catalog.
    func bytes(trailerExtra: String = "") -> [UInt8] {
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets {
            let digits = String(o)
            out += Array((String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R \(trailerExtra)>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// A one-page document drawing `content`, with extra resources and page keys.
    static func page(_ content: String, resources: String = "", pageExtra: String = "", mediaBox: String = "0 0 600 800") -> MiniPDF {
        var pdf = MiniPDF()
        pdf.add("<< /Type /Catalog /Pages 2 0 R >>")
        pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [\(mediaBox)] >>")
        pdf.add("<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << \(resources) >> \(pageExtra)>>")
        pdf.addStream(content)
        return pdf
    }
}
