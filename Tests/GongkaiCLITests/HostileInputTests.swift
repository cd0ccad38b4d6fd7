import Foundation
import GongkaiKit
import Testing

// Inputs that are hostile rather than merely bad: giant files, thousands of pages, 40-digit
// numbers in cells, coordinates no raster can hold, workers that spin or eat memory. Each must end
// in a clear error (or a result) with its own exit status, never in a crash of the CLI or a batch.

private func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// A sparse file of `bytes` bytes starting with a PDF header: 2 GB on paper, nothing on disk.
private func giantFile(_ url: URL, bytes: Int64) throws {
    _ = FileManager.default.createFile(atPath: url.path, contents: Data("%PDF-1.7\n".utf8))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: UInt64(bytes))
    try handle.close()
}

/// A valid PDF of `pages` blank pages (one shared empty content stream).
private func manyPagePDF(pages: Int) -> Data {
    var objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Length 0 >>\nstream\n\nendstream"]
    let kids = (0..<pages).map { "\($0 + 4) 0 R" }.joined(separator: " ")
    objects[1] = "<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>"
    for _ in 0..<pages { objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>") }
    var out = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (i, body) in objects.enumerated() {
        offsets.append(out.utf8.count)
        out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(out.utf8)
}

private func records(_ data: Data) -> [[String: Any]] {
    String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
}

private func code(_ record: [String: Any]) -> String? { (record["error"] as? [String: Any])?["code"] as? String }
private func name(_ record: [String: Any]) -> String {
    URL(fileURLWithPath: ((record["source"] as? [String: Any])?["path"] as? String) ?? "").lastPathComponent
}

@Test func giantFileIsRefusedUnreadWithItsOwnStatus() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let giant = dir.appendingPathComponent("giant.pdf")
    try giantFile(giant, bytes: 2_000_000_000)
    let started = Date()
    let result = try CLI.run(["extract", giant.path])
    #expect(result.status == 13)
    #expect(result.stderr.contains("file too large (2000 MB, the limit is 200 MB)"), "stderr: \(result.stderr)")
    #expect(result.stderr.contains("--max-bytes"))
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(Date().timeIntervalSince(started) < 10, "a refused file must not be read")

    // An endless device is cut off at the limit, not read until memory runs out.
    let zero = try CLI.run(["extract", "/dev/zero", "--max-bytes", "10M"])
    #expect(zero.status == 13)
    #expect(zero.stderr.contains("file too large"))

    // The limit is an option: a real sample over a 1 KB limit is refused too, under it it reads.
    let sample = "samples/xinxiang_commerce_2024.pdf"
    #expect(try CLI.run(["extract", sample, "--max-bytes", "1K"]).status == 13)
    #expect(try CLI.run(["extract", sample, "--max-bytes", "1G", "--compact"]).status == 0)
    #expect(try CLI.run(["extract", sample, "--max-bytes", "lots"]).status == 64)
}

@Test func batchRecordsGiantFileWithoutReadingIt() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    try giantFile(dir.appendingPathComponent("giant.pdf"), bytes: 2_000_000_000)
    try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples/xinxiang_commerce_2024.pdf"),
                                     to: dir.appendingPathComponent("report.pdf"))
    let started = Date()
    let result = try CLI.run(["batch", dir.path, "--jobs", "1"])
    #expect(result.status == 1)
    #expect(Date().timeIntervalSince(started) < 30)
    let lines = records(result.stdout)
    #expect(lines.count == 2)
    let giant = try #require(lines.first { name($0) == "giant.pdf" })
    #expect(code(giant) == "too_large")
    #expect(((giant["error"] as? [String: Any])?["message"] as? String)?.contains("file too large") == true)
    #expect(lines.contains { name($0) == "report.pdf" && code($0) == nil })
}

@Test func maxPagesBoundsTheWorkAndSaysSo() throws {
    let sample = "samples/xinxiang_commerce_2024.pdf"  // 4 pages; tables 二 and 三 on page 2, 四 on page 3
    let one = try CLI.run(["extract", sample, "--max-pages", "1"])
    #expect(one.status == 9 || one.status == 10)  // page 1 is prose: "no tables" or "unknown template"
    #expect(one.stderr.contains("only the first 1 of its 4 pages were read (--max-pages)"), "stderr: \(one.stderr)")

    let two = try CLI.run(["extract", sample, "--max-pages", "2", "--compact"])
    #expect(two.status == 0)
    let warnings = (two.json?["warnings"] as? [[String: Any]]) ?? []
    #expect(warnings.contains { $0["code"] as? String == "pages_not_read" && ($0["message"] as? String)?.contains("2 of its 4") == true })
    #expect(try CLI.run(["extract", sample, "--max-pages", "0"]).status == 64)
}

@Test func thousandsOfPagesStopAtTheDefaultPageLimit() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("pages.pdf")
    try manyPagePDF(pages: 20_000).write(to: file)
    let started = Date()
    let result = try CLI.run(["extract", file.path])
    #expect(result.status == 8, "stderr: \(result.stderr)")  // blank pages: no text layer
    #expect(result.stderr.contains("20000 pages"))
    #expect(Date().timeIntervalSince(started) < 60)
}

@Test func fortyDigitCellsGiveExactBigDecimalsNotATrap() throws {
    // A sample whose cells hold 8888888888888888888 (two of them overflow a 64-bit sum) and 40-odd
    // digit numbers; before the fix the checks trapped on integer overflow (SIGILL).
    let result = try CLI.run(["extract", "Tests/GongkaiCLITests/Fixtures/huge_numbers.pdf", "--compact"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let text = String(decoding: result.stdout, as: UTF8.self)
    let json = try JSONParser.parse(text)
    guard case .object(let root)? = Optional(json), case .array(let checks)? = root["checks"] else {
        Issue.record("no checks"); return
    }
    #expect(!checks.isEmpty)
    #expect(text.contains("8888888888888888888"))
    // A failed sum beyond Int.max is reported exactly: new_received's cells — three of nineteen
    // 8s, 888888888888888888, 88888888888 and 8888 — add up to this (and its total says otherwise).
    #expect(text.contains("\"expected\":27555555644444453328"))
    #expect(text.range(of: #"[0-9]{40}"#, options: .regularExpression) != nil)
}

@Test func hostileGeometryIsNotACrash() throws {
    // A page 10^9 pt wide and text scaled by 10^30: no raster, coordinates clamped.
    let result = try CLI.run(["extract", "Tests/GongkaiCLITests/Fixtures/hostile_geometry.pdf"])
    #expect(result.status == 9, "stderr: \(result.stderr)")
    let grids = try CLI.run(["grids", "Tests/GongkaiCLITests/Fixtures/hostile_geometry.pdf", "--lines"])
    #expect(grids.status == 0)
}

/// AddressSanitizer maps terabytes of shadow memory, so workers run without an address-space
/// limit there (see `WorkerOptions.underSanitizer`) and the memory test would eat the machine.
let underAddressSanitizer: Bool = {
    guard let handle = dlopen(nil, RTLD_NOW) else { return false }
    defer { dlclose(handle) }
    return dlsym(handle, "__asan_init") != nil
}()

@Test(.disabled(if: underAddressSanitizer, "no address-space limit under AddressSanitizer"))
func workersThatSpinOrEatMemoryAreStoppedAndNamed() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    for n in ["a.pdf", "b.pdf"] {
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples/rl_2019_separate_stsong.pdf"), to: dir.appendingPathComponent(n))
    }
    let spin = try CLI.run(["batch", dir.path, "--timeout", "60", "--max-cpu-seconds", "2", "--debug-fault", "spin:a.pdf"])
    let spun = records(spin.stdout)
    #expect(spun.count == 2)
    #expect(spun.first.map(code) == "timeout")
    #expect(((spun.first?["error"] as? [String: Any])?["message"] as? String)?.contains("CPU-time limit of 2 s") == true)
    #expect(spun.last.map(code) == .some(nil))

    let hog = try CLI.run(["batch", dir.path, "--max-memory-mb", "512", "--debug-fault", "hog:a.pdf"])
    let hogged = records(hog.stdout)
    #expect(hogged.count == 2)
    #expect(hogged.first.map(code) == "out_of_memory", "records: \(hogged)")
    #expect(hogged.last.map(code) == .some(nil))
}

@Test func everyFailureClassHasItsCodeInBatchRecords() throws {
    let result = try CLI.run(["batch", "Tests/GongkaiCLITests/Fixtures", "--jobs", "2"])
    #expect(result.status == 1)
    var codes: [String: String] = [:]
    for r in records(result.stdout) { codes[name(r)] = code(r) ?? "ok" }
    #expect(codes == [
        "damaged.pdf": "damaged", "empty.pdf": "empty_file", "encrypted.pdf": "encrypted",
        "html_error_page.pdf": "not_pdf", "scanned.pdf": "no_report_tables", "not_a_report.pdf": "no_report_tables",
        "pre2019_report.pdf": "unknown_template", "utf16_no_bom.html": "unsupported_encoding",
        "huge_numbers.pdf": "ok", "hostile_geometry.pdf": "no_report_tables",
        // encrypted/: the password matrix (a small non-report PDF; owner-only ones open without a password)
        "rc4_40_user.pdf": "encrypted", "rc4_128_user.pdf": "encrypted", "aes_128_user.pdf": "encrypted",
        "aes_256_user.pdf": "encrypted", "rc4_40_owner_only.pdf": "no_report_tables", "aes_256_owner_only.pdf": "no_report_tables",
    ])
}

@Test func exitStatusesMapBackToCodes() {
    #expect(ExtractionError.code(forExitStatus: 12) == "unsupported_encoding")
    #expect(ExtractionError.code(forExitStatus: 13) == "too_large")
    #expect(ExtractionError.code(forExitStatus: 14) == "wrong_password")
    let statuses = [ExtractionError.emptyFile(path: ""), .notPDF(path: "", looksLike: ""), .damaged(path: "", detail: ""),
                    .encrypted(path: ""), .noTextLayer(path: "", pages: 1), .noReportTables(path: "", detail: ""),
                    .unknownTemplate(path: "", detail: ""), .unsupportedFormat(path: "", format: ""),
                    .unsupportedEncoding(path: "", detail: ""), .tooLarge(path: "", bytes: 0, limit: 0),
                    .unreadable(path: "", detail: ""), .wrongPassword(path: "")].map(\.exitStatus)
    #expect(Set(statuses).count == statuses.count)
}

@Test func aProcessLeftBehindByACrashedWorkerNeitherHangsTheBatchNorSurvivesIt() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    for n in ["a.pdf", "b.pdf"] {
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples/rl_2019_separate_stsong.pdf"), to: dir.appendingPathComponent(n))
    }
    let started = Date()
    let run = try CLI.run(["batch", dir.path, "--timeout", "60", "--debug-fault", "orphan:a.pdf"])
    #expect(Date().timeIntervalSince(started) < 30, "the batch waited for the orphan's pipes")
    let lines = records(run.stdout)
    #expect(lines.map(code) == ["crashed", nil])
    // The orphan (`sleep 987`) went down with its worker's process group.
    usleep(200_000)
    let survivors = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { pid in
        Int(pid) != nil && commandLine(pid).hasPrefix("/bin/sleep 987")
    }
    #expect(survivors.isEmpty)
}

/// A process's command line from /proc (POSIX reads: FileManager.contents(atPath:) leaks on
/// procfs files, which report size 0, in this Foundation).
private func commandLine(_ pid: String) -> String {
    let fd = open("/proc/\(pid)/cmdline", O_RDONLY)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 256)
    let n = read(fd, &buffer, buffer.count)
    return n > 0 ? String(decoding: buffer[0..<n].map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self) : ""
}
