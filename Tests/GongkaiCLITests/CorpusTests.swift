import Foundation
import Testing

@Test func corpusCheckOfSamplesPasses() throws {
    let run = try CLI.run(["corpus", "check", "samples"])
    #expect(run.status == 0, "\(String(decoding: run.stdout, as: UTF8.self))")
    let text = String(decoding: run.stdout, as: UTF8.self)
    // Every sample with an expected file, PDFs and the web pages under samples/html, and the
    // layouts under samples/layouts (borderless, rules only, page breaks, rotated, web-printed).
    let closing = try #require(text.split(separator: "\n").last)
    #expect(closing.hasSuffix(" passed, 0 failed"))
    let layouts = ((try? FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("samples/layouts").path)) ?? [])
        .filter { $0.hasSuffix(".expected.json") }
    #expect(layouts.count >= 12)
    #expect((Int(closing.split(separator: " ")[0]) ?? 0) >= samplePDFs.count + 3 + layouts.count)
    #expect(text.contains("cells 100.00%"))
}

/// A copy of two samples with their expected files, in a scratch folder.
private func corpusCopy() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-corpus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for name in ["xinxiang_commerce_2024", samplePDFs[0].replacingOccurrences(of: ".pdf", with: "")] {
        for ext in [".pdf", ".expected.json"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples/" + name + ext), to: dir.appendingPathComponent(name + ext))
        }
    }
    return dir
}

@Test func changedExpectedValueFailsNamingFilePathAndValues() throws {
    let dir = try corpusCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let expectedURL = dir.appendingPathComponent("xinxiang_commerce_2024.expected.json")
    var text = try String(contentsOf: expectedURL, encoding: .utf8)
    let range = try #require(text.range(of: "\"decisions\": 92"))
    text.replaceSubrange(range, with: "\"decisions\": 93")
    try text.write(to: expectedURL, atomically: true, encoding: .utf8)

    let run = try CLI.run(["corpus", "check", dir.path, "--report", dir.appendingPathComponent("report.md").path])
    #expect(run.status == 1)
    let out = String(decoding: run.stdout, as: UTF8.self)
    #expect(out.contains("xinxiang_commerce_2024.pdf"))
    #expect(out.contains("proactive.licensing.decisions: expected 93, actual 92"))
    #expect(out.hasSuffix("1 passed, 1 failed\n"))
    let report = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
    // Worst document first.
    let lines = report.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| document") }
    #expect(lines.first?.contains("xinxiang_commerce_2024.pdf") == true)
}

@Test func corpusUpdateRewritesExpectedFilesAndDiffAgrees() throws {
    let dir = try corpusCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let expectedURL = dir.appendingPathComponent("xinxiang_commerce_2024.expected.json")
    var text = try String(contentsOf: expectedURL, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"decisions\": 92", with: "\"decisions\": 93")
    try text.write(to: expectedURL, atomically: true, encoding: .utf8)

    let refused = try CLI.run(["corpus", "update", dir.path, "xinxiang_commerce_2024"])
    #expect(refused.status != 0, "without a terminal, update must not write unasked")
    let update = try CLI.run(["corpus", "update", dir.path, "xinxiang_commerce_2024", "--yes"])
    #expect(update.status == 0)
    #expect(String(decoding: update.stdout, as: UTF8.self).contains("proactive.licensing.decisions: expected 93, actual 92"))
    #expect(try CLI.run(["corpus", "check", dir.path]).status == 0)

    let a = dir.appendingPathComponent("a.json"), b = dir.appendingPathComponent("b.json")
    try CLI.run(["extract", dir.appendingPathComponent("xinxiang_commerce_2024.pdf").path]).stdout.write(to: a)
    try Data(text.utf8).write(to: b)
    let diff = try CLI.run(["diff", a.path, b.path])
    #expect(diff.status == 1)
    #expect(String(decoding: diff.stdout, as: UTF8.self).contains("proactive.licensing.decisions: first 92, second 93"))
    #expect(try CLI.run(["diff", a.path, a.path]).status == 0)
}
