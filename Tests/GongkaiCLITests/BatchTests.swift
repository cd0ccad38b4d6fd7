import Foundation
import Testing

/// A scratch folder with the sample PDFs and every bad-input fixture (in a subfolder).
private func batchFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-batch-\(UUID().uuidString)")
    let bad = dir.appendingPathComponent("bad")
    try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
    for name in samplePDFs {
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples/" + name), to: dir.appendingPathComponent(name))
    }
    let fixtures = CLI.root.appendingPathComponent("Tests/GongkaiCLITests/Fixtures")
    // huge_numbers.pdf is hostile but readable (it converts): not a bad input; encrypted/ is
    // the password matrix of ReliabilityTests.
    for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where name != "huge_numbers.pdf" && name != "encrypted" {
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: bad.appendingPathComponent(name))
    }
    try "not a report at all\n".write(to: bad.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    return dir
}

private func records(_ url: URL) throws -> [[String: Any]] {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
}

private func errorCode(_ record: [String: Any]) -> String? { (record["error"] as? [String: Any])?["code"] as? String }
private func sourcePath(_ record: [String: Any]) -> String { ((record["source"] as? [String: Any])?["path"] as? String) ?? "" }

@Test func batchConvertsGoodFilesRecordsBadOnesAndResumes() throws {
    let dir = try batchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.jsonl")
    let first = try CLI.run(["batch", dir.path, "-o", out.path, "--jobs", "2"])
    #expect(first.status == 1, "a failed file must make the exit status non-zero")
    let lines = try records(out)
    let bad = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("bad").path)
    #expect(lines.count == samplePDFs.count + bad.count)
    // Stable order: sorted by path.
    #expect(lines.map(sourcePath) == lines.map(sourcePath).sorted())
    let good = lines.filter { errorCode($0) == nil }
    #expect(good.count == samplePDFs.count)
    #expect(good.allSatisfy { ($0["report"] as? [String: Any])?["agency"] is String })
    let codes = Dictionary(uniqueKeysWithValues: lines.compactMap { r in errorCode(r).map { (URL(fileURLWithPath: sourcePath(r)).lastPathComponent, $0) } })
    #expect(codes["empty.pdf"] == "empty_file")
    #expect(codes["damaged.pdf"] == "damaged")
    #expect(codes["encrypted.pdf"] == "encrypted")
    #expect(codes["html_error_page.pdf"] == "not_pdf")
    #expect(codes["scanned.pdf"] == "no_report_tables")  // read by OCR (--ocr auto): one table, not a report's
    #expect(codes["notes.txt"] != nil)
    #expect(first.stderr.contains("\(samplePDFs.count) converted, \(bad.count) failed, 0 skipped"))

    let second = try CLI.run(["batch", dir.path, "-o", out.path, "--resume"])
    #expect(second.stderr.contains("0 converted, 0 failed, \(lines.count) skipped"))
    #expect(try records(out).count == lines.count)
}

@Test func crashingOrHangingWorkerLosesOnlyItsFile() throws {
    let dir = try batchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let victim = try #require(samplePDFs.first), sleeper = try #require(samplePDFs.last)
    for (fault, file, code) in [("crash", victim, "crashed"), ("hang", sleeper, "timeout")] {
        let out = dir.appendingPathComponent("\(fault).jsonl")
        // AddressSanitizer makes every worker several times slower: give the others time to finish.
        let run = try CLI.run(["batch", dir.path + "/*.pdf", "-o", out.path, "--timeout", underAddressSanitizer ? "30" : "10",
                               "--debug-fault", "\(fault):\(file)"])
        #expect(run.status == 1)
        let lines = try records(out)
        #expect(lines.count == samplePDFs.count)
        let failed = lines.filter { errorCode($0) != nil }
        #expect(failed.count == 1)
        #expect(errorCode(failed[0]) == code)
        #expect(sourcePath(failed[0]).hasSuffix(file))
        #expect(((failed[0]["source"] as? [String: Any])?["sha256"] as? String)?.count == 64)
    }
}

@Test func interruptedBatchLeavesWholeRecordsAndResumeCompletesIt() throws {
    let dir = try batchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.jsonl")
    let slow = samplePDFs[samplePDFs.count / 2]
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["batch", dir.path + "/*.pdf", "-o", out.path, "--jobs", "1", "--debug-fault", "slow:\(slow)"]
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Kill -9 while the slow file is being converted.
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline, ((try? records(out))?.count ?? 0) < samplePDFs.count / 2 { usleep(50_000) }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let partial = try records(out)  // every line parses
    #expect(partial.count >= samplePDFs.count / 2 && partial.count < samplePDFs.count)
    let resumed = try CLI.run(["batch", dir.path + "/*.pdf", "-o", out.path, "--resume"])
    #expect(resumed.status == 0)
    let all = try records(out)
    #expect(all.count == samplePDFs.count)
    #expect(Set(all.map(sourcePath)).count == samplePDFs.count)
}

@Test func csvLongFormAndShards() throws {
    let dir = try batchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = try CLI.run(["batch", dir.path + "/*.pdf", "--format", "csv", "--bom"])
    #expect(csv.status == 0)
    let text = String(decoding: csv.stdout, as: UTF8.self)
    #expect(text.hasPrefix("\u{FEFF}source,sha256,agency,year,template,path,value,inferred,error\r\n"))
    #expect(text.contains(",新乡市商务局,2024,2021,proactive.licensing.decisions,92,false,\r\n"))
    var union: [String] = []
    for i in 1...3 {
        let part = try CLI.run(["batch", dir.path + "/*.pdf", "--shard", "\(i)/3"])
        union += String(decoding: part.stdout, as: UTF8.self).split(separator: "\n").map { line in
            sourcePath((try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:])
        }
    }
    #expect(union.count == samplePDFs.count)
    #expect(Set(union).count == samplePDFs.count)
}
