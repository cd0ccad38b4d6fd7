import Foundation
import Testing

/// Every sample PDF that has an expected JSON beside it.
let samplePDFs: [String] = {
    let dir = CLI.root.appendingPathComponent("samples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".pdf") && names.contains($0.dropLast(4) + ".expected.json") }.sorted()
}()

@Test func samplesExist() {
    #expect(samplePDFs.count >= 8)
}

@Test(arguments: samplePDFs)
func sampleExtractsAsExpected(_ name: String) throws {
    let expectedURL = CLI.root.appendingPathComponent("samples/" + name.dropLast(4) + ".expected.json")
    let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as? [String: Any])
    let result = try CLI.run(["extract", "samples/" + name])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let actual = try #require(result.json, "no JSON for \(name)")

    let want = cells(expected), got = cells(actual)
    #expect(!want.isEmpty)
    for (path, value) in want.sorted(by: { $0.key < $1.key }) {
        if value is NSNull {
            #expect(got[path] is NSNull, "\(name): \(path) should be null, got \(String(describing: got[path]))")
        } else {
            #expect(got[path] as? Double == value as? Double, "\(name): \(path) want \(value), got \(String(describing: got[path]))")
        }
    }
    // Nothing extracted beyond the truth except zeros or nulls.
    for (path, value) in got where want[path] == nil {
        #expect(value is NSNull || value as? Double == 0, "\(name): spurious \(path) = \(value)")
    }
    let wantReport = try #require(expected["report"] as? [String: Any])
    let gotReport = try #require(actual["report"] as? [String: Any])
    #expect(gotReport["agency"] as? String == wantReport["agency"] as? String)
    #expect(gotReport["year"] as? Int == wantReport["year"] as? Int)
    #expect(gotReport["template"] as? String == wantReport["template"] as? String)
    #expect(gotReport["tables"] as? [String: String] == wantReport["tables"] as? [String: String])

    let failing = Set(((actual["checks"] as? [[String: Any]]) ?? []).filter { $0["ok"] as? Bool == false }.compactMap { $0["rule"] as? String })
    let broken = Set((expected["broken_checks"] as? [String]) ?? [])
    #expect(failing == broken, "\(name): failing checks \(failing), expected broken \(broken)")

    // Every null cell comes with a warning naming it.
    let warned = Set(((actual["warnings"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String })
    for (path, value) in got where value is NSNull {
        #expect(warned.contains(path), "\(name): \(path) is null without a warning")
    }
}

@Test func outputFileAndCompactForm() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-\(getpid()).json")
    defer { try? FileManager.default.removeItem(at: out) }
    let written = try CLI.run(["extract", "samples/xinxiang_commerce_2024.pdf", "-o", out.path, "--compact"])
    #expect(written.status == 0)
    #expect(written.stdout.isEmpty)
    let text = try String(contentsOf: out, encoding: .utf8)
    #expect(text.split(separator: "\n").count == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let proactive = try #require(json["proactive"] as? [String: [String: Any]])
    #expect(proactive["licensing"]?["decisions"] as? Int == 92)
    #expect(proactive["normative_documents"]?["in_force"] as? Int == 7)
    // Keys are sorted and Chinese is not escaped.
    #expect(text.contains("\"agency\":\"新乡市商务局\""))
    let source = try #require(json["source"] as? [String: Any])
    #expect((source["sha256"] as? String)?.count == 64)
    #expect(source["kind"] as? String == "pdf")
}

@Test func encryptedSampleOpensWithPassword() throws {
    let result = try CLI.run(["extract", "Tests/GongkaiCLITests/Fixtures/encrypted.pdf", "--password", "gongkai"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let report = try #require(result.json?["report"] as? [String: Any])
    #expect(report["agency"] as? String == "新乡市商务局")
}

@Test(arguments: [
    ("empty.pdf", Int32(4), "empty file"),
    ("html_error_page.pdf", 5, "not a PDF (looks like HTML)"),
    ("damaged.pdf", 6, "damaged PDF"),
    ("encrypted.pdf", 7, "encrypted PDF"),
    ("scanned.pdf", 8, "no text layer"),
    ("not_a_report.pdf", 9, "no report tables found"),
    ("pre2019_report.pdf", 10, "unknown template: a 2017 report"),
    ("utf16_no_bom.html", 12, "unsupported text encoding: the page looks like UTF-16 without a byte-order mark"),
    ("does-not-exist.pdf", 3, "cannot read file"),
])
func badInputGivesOneLineErrorAndDistinctStatus(file: String, status: Int32, message: String) throws {
    let path = "Tests/GongkaiCLITests/Fixtures/" + file
    // --ocr never: the scan's old behaviour (exit 8); under --ocr auto it is read by OCR.
    let result = try CLI.run(["extract", path, "--ocr", "never"])
    #expect(result.status == status)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr was: \(result.stderr)")
    #expect(result.stderr.contains(path))
    #expect(result.stderr.contains(message))
}
