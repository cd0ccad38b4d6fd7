import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Issue 18: what an unlucky or hostile user meets beyond mutated files — passwords, write
// errors, odd output targets, odd folders and names, signals. Every case goes through the CLI
// and checks the exit status and the message.

private let fixtures = CLI.root.appendingPathComponent("Tests/GongkaiCLITests/Fixtures")

private func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-rel-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// A folder with `count` sample reports.
private func sampleFolder(_ count: Int) throws -> URL {
    let dir = try scratch()
    for name in samplePDFs.prefix(count) {
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples/" + name), to: dir.appendingPathComponent(name))
    }
    return dir
}

/// The JSON objects of a JSON Lines file; fails the test on any line that is not one.
private func jsonLines(_ url: URL) throws -> [[String: Any]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.isEmpty || text.hasSuffix("\n"), "the file ends in a cut record")
    return try text.split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "not a whole record: \($0.prefix(80))")
    }
}

private func sourcePath(_ record: [String: Any]) -> String { ((record["source"] as? [String: Any])?["path"] as? String) ?? "" }
private func errorCode(_ record: [String: Any]) -> String? { (record["error"] as? [String: Any])?["code"] as? String }

/// A status no crash gives: the worker or extract ended by itself.
private func didNotCrash(_ r: CLI.Result) -> Bool { r.status < 64 || r.status == 73 }

// MARK: 1. passwords

/// Every encrypted fixture: the user-password ones (password "gongkai") and the owner-only ones
/// (empty user password; the owner password is "owner-secret"), with what the file holds when open.
private let encryptedFixtures: [(path: String, userPassword: Bool, openStatus: Int32)] = {
    var list: [(String, Bool, Int32)] = [("Tests/GongkaiCLITests/Fixtures/encrypted.pdf", true, 0)]
    for name in ["rc4_40_user", "rc4_128_user", "aes_128_user", "aes_256_user"] {
        list.append(("Tests/GongkaiCLITests/Fixtures/encrypted/\(name).pdf", true, 9))
    }
    for name in ["rc4_40_owner_only", "aes_256_owner_only"] {
        list.append(("Tests/GongkaiCLITests/Fixtures/encrypted/\(name).pdf", false, 9))
    }
    for name in ["restricted_rc4_40", "restricted_rc4_128", "restricted_aes_128", "restricted_aes_256"] {
        list.append(("Tests/PopplerKitTests/Fixtures/\(name).pdf", false, 0))
    }
    return list
}()

@Test func noPasswordWrongPasswordAndRightPasswordNeverCrashForAnyEncryption() throws {
    for fixture in encryptedFixtures {
        let none = try CLI.run(["extract", fixture.path, "--compact"])
        let wrong = try CLI.run(["extract", fixture.path, "--compact", "--password", "wrong"])
        let right = try CLI.run(["extract", fixture.path, "--compact", "--password", fixture.userPassword ? "gongkai" : "owner-secret"])
        #expect(right.status == fixture.openStatus, "\(fixture.path) right password: \(right.status) \(right.stderr)")
        if fixture.userPassword {
            #expect(none.status == 7 && none.stderr.contains("encrypted PDF; give the password with --password"), "\(fixture.path): \(none.stderr)")
            #expect(wrong.status == 14, "\(fixture.path) wrong password: \(wrong.status) \(wrong.stderr)")
            #expect(wrong.stderr.contains(fixture.path) && wrong.stderr.contains("the password given does not open it"))
        } else {
            // Opens with the empty user password, whatever password is given.
            #expect(none.status == fixture.openStatus && wrong.status == fixture.openStatus, "\(fixture.path): \(none.status) \(wrong.status) \(wrong.stderr)")
        }
    }
}

@Test func batchWithAWrongPasswordRecordsWrongPasswordAndConvertsFilesThatNeedNone() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    for fixture in encryptedFixtures {
        let url = URL(fileURLWithPath: fixture.path, relativeTo: CLI.root)
        try FileManager.default.copyItem(at: url, to: dir.appendingPathComponent(url.lastPathComponent))
    }
    try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples/" + samplePDFs[0]), to: dir.appendingPathComponent("plain.pdf"))
    let result = try CLI.run(["batch", dir.path, "--password", "wrong", "--jobs", "2"])
    #expect(result.status == 1)
    let records = result.stdout.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
    var codes: [String: String] = [:]
    for r in records { codes[URL(fileURLWithPath: sourcePath(r)).lastPathComponent] = errorCode(r) ?? "ok" }
    #expect(codes["plain.pdf"] == "ok")
    #expect(codes["restricted_aes_256.pdf"] == "ok")
    #expect(codes["aes_256_user.pdf"] == "wrong_password" && codes["rc4_40_user.pdf"] == "wrong_password")
    #expect(codes["rc4_40_owner_only.pdf"] == "no_report_tables")
    #expect(!codes.values.contains("crashed"), "\(codes)")
}

// MARK: 2. write errors

@Test func aFullDiskIsReportedCountedAndRepairedByResume() throws {
    let dir = try sampleFolder(4)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.jsonl")
    // Room for one record and a part of the next: the disk fills in the middle of a record.
    let full = try CLI.run(["batch", dir.path, "-o", out.path, "--jobs", "2", "--debug-fault", "disk_full:8000"])
    #expect(full.status == 73, "\(full.stderr)")
    #expect(full.stderr.contains("cannot write the record of") && full.stderr.contains("No space left on device"), "\(full.stderr)")
    #expect(full.stderr.contains("not written"), "\(full.stderr)")
    let partial = try jsonLines(out)
    #expect(partial.count < 4)
    // Space again: resume adds what is missing, and the file is whole.
    let resumed = try CLI.run(["batch", dir.path, "-o", out.path, "--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("\(partial.count) skipped"), "\(resumed.stderr)")
    let all = try jsonLines(out)
    #expect(all.map(sourcePath).sorted() == samplePDFs.prefix(4).map { dir.appendingPathComponent($0).path }.sorted())
}

@Test func resumeCutsARecordLeftHalfWritten() throws {
    let dir = try sampleFolder(2)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.jsonl")
    #expect(try CLI.run(["batch", dir.path, "-o", out.path]).status == 0)
    let whole = try Data(contentsOf: out)
    try whole.prefix(whole.count - 100).write(to: out)  // the last record cut off
    let resumed = try CLI.run(["batch", dir.path, "-o", out.path, "--resume"])
    #expect(resumed.status == 0 && resumed.stderr.contains("1 converted, 0 failed, 1 skipped"), "\(resumed.stderr)")
    #expect(try jsonLines(out).count == 2)
}

@Test func resumeDropsARecordGluedOntoACutOneByAnOlderRun() throws {
    let dir = try sampleFolder(3)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.jsonl")
    #expect(try CLI.run(["batch", dir.path, "-o", out.path]).status == 0)
    let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
    // What the unchecked writes left after a full disk: record 2 cut, record 3 glued onto it.
    try (lines[0] + "\n" + lines[1].prefix(200) + lines[2] + "\n").write(to: out, atomically: true, encoding: .utf8)
    let resumed = try CLI.run(["batch", dir.path, "-o", out.path, "--resume"])
    #expect(resumed.status == 0 && resumed.stderr.contains("1 broken record(s) dropped"), "\(resumed.stderr)")
    #expect(resumed.stderr.contains("2 converted, 0 failed, 1 skipped"), "\(resumed.stderr)")
    #expect(try jsonLines(out).map(sourcePath).sorted() == samplePDFs.prefix(3).map { dir.appendingPathComponent($0).path }.sorted())
}

@Test func aFullTmpfsIsReportedAndResumeCompletesTheFile() throws {
    guard getuid() == 0 else { return }  // mounting needs root
    let dir = try sampleFolder(4)
    let mount = try scratch()
    defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: mount) }
    // No mount here (a container without the capability): the injected fault above covers it.
    guard try CLI.run(["-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.path], executable: "/bin/mount").status == 0 else { return }
    defer { _ = try? CLI.run([mount.path], executable: "/bin/umount") }
    let filler = mount.appendingPathComponent("filler")
    try Data(repeating: 1, count: 56 * 1024).write(to: filler)
    let out = mount.appendingPathComponent("out.jsonl")
    let full = try CLI.run(["batch", dir.path, "-o", out.path])
    #expect(full.status == 73 && full.stderr.contains("No space left on device"), "\(full.stderr)")
    try FileManager.default.removeItem(at: filler)
    let resumed = try CLI.run(["batch", dir.path, "-o", out.path, "--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try jsonLines(out).map(sourcePath).sorted() == samplePDFs.prefix(4).map { dir.appendingPathComponent($0).path }.sorted())
}

@Test func outputsThatTakeNoWritesAreNotReportedAsSuccess() throws {
    let dir = try sampleFolder(3)
    defer { try? FileManager.default.removeItem(at: dir) }
    let proc = try CLI.run(["batch", dir.path, "-o", "/proc/version"])
    #expect(proc.status == 73 && proc.stderr.contains("/proc/version"), "\(proc.status) \(proc.stderr)")
    let full = try CLI.run(["extract", "samples/" + samplePDFs[0], "-o", "/dev/full"])
    #expect(full.status == 73 && full.stderr.contains("/dev/full: cannot write output: No space left on device"), "\(full.stderr)")
    // A reader that goes away (batch … | head): the broken pipe is an error, not success.
    let script = "set -o pipefail; \"$0\" batch \"$1\" --jobs 1 | head -c 10 >/dev/null"
    let piped = try CLI.run(["-c", script, CLI.executable.path, dir.path], executable: "/bin/bash")
    #expect(piped.status != 0, "\(piped.stderr)")
    #expect(piped.stderr.contains("Broken pipe") || piped.status == 141, "\(piped.stderr)")
}

// MARK: 3. extract -o onto things that are not regular files

@Test func extractWritesThroughDevicesPipesAndLinksInsteadOfReplacingThem() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    var st = stat()
    // A null device of our own (as root; the machine's /dev/null is shared with other runs).
    let device = dir.appendingPathComponent("null")
    // Device 1:3 (glibc packs major 1, minor 3 as 1 << 8 | 3).
    let devicePath = mknod(device.path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 ? device.path : "/dev/null"
    let null = try CLI.run(["extract", "samples/" + samplePDFs[0], "-o", devicePath])
    #expect(null.status == 0, "\(null.stderr)")
    #expect(stat(devicePath, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR, "\(devicePath) must stay a device")

    let fifo = dir.appendingPathComponent("pipe")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [fifo.path]
    let got = Pipe()
    reader.standardOutput = got
    try reader.run()
    let written = try CLI.run(["extract", "samples/" + samplePDFs[0], "-o", fifo.path, "--compact"])
    let text = got.fileHandleForReading.readDataToEndOfFile()
    reader.waitUntilExit()
    #expect(written.status == 0, "\(written.stderr)")
    #expect((try? JSONSerialization.jsonObject(with: text)) is [String: Any], "the reader got the JSON")
    #expect(lstat(fifo.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO, "the pipe must stay a pipe")

    // A link to a regular file stays a link; the file it points to gets the result.
    let target = dir.appendingPathComponent("target.json")
    try Data("old".utf8).write(to: target)
    let link = dir.appendingPathComponent("link.json")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    #expect(try CLI.run(["extract", "samples/" + samplePDFs[0], "-o", link.path]).status == 0)
    #expect(lstat(link.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK)
    #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: target))) is [String: Any])

    let folder = try CLI.run(["extract", "samples/" + samplePDFs[0], "-o", dir.path])
    #expect(folder.status == 73 && folder.stderr.contains("is a directory"), "\(folder.stderr)")
}

// MARK: 4. symlink loops

@Test func symlinkLoopsAreWalkedOnceAndReported() throws {
    let dir = try sampleFolder(2)
    defer { try? FileManager.default.removeItem(at: dir) }
    let sub = dir.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("self").path, withDestinationPath: ".")
    try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("up").path, withDestinationPath: "..")
    let result = try CLI.run(["batch", dir.path, "--jobs", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    let records = result.stdout.split(separator: UInt8(ascii: "\n"))
    #expect(records.count == 2, "each file once")
    #expect(result.stderr.contains("a folder already searched (a symbolic link loop?)"), "\(result.stderr)")
}

// MARK: 5. names that are not UTF-8

@Test func fileNamesThatAreNotUTF8AreReadAndPrintedEscaped() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    // "年报.pdf" in GBK, as zip archives made on Chinese Windows name it.
    let script = "cp \"$1\" \"$2\"/$(printf '\\304\\352\\261\\250.pdf')"
    let copied = try CLI.run(["-c", script, "sh", CLI.root.appendingPathComponent("samples/" + samplePDFs[0]).path, dir.path], executable: "/bin/sh")
    #expect(copied.status == 0, "\(copied.stderr)")
    let batch = try CLI.run(["batch", dir.path])
    #expect(batch.status == 0, "\(batch.stderr)")
    let record = try #require(try JSONSerialization.jsonObject(with: batch.stdout) as? [String: Any])
    #expect(sourcePath(record) == dir.path + "/\\xC4\\xEA\\xB1\\xA8.pdf")
    #expect(errorCode(record) == nil)
    let extract = try CLI.run(["-c", "\"$0\" extract \"$1\"/$(printf '\\304\\352\\261\\250.pdf') --compact", CLI.executable.path, dir.path], executable: "/bin/sh")
    #expect(extract.status == 0, "\(extract.stderr)")
    #expect(extract.json.map(sourcePath) == dir.path + "/\\xC4\\xEA\\xB1\\xA8.pdf")
    let missing = try CLI.run(["-c", "\"$0\" extract \"$1\"/$(printf '\\304\\352.pdf')", CLI.executable.path, dir.path], executable: "/bin/sh")
    #expect(missing.status == 3 && missing.stderr.contains("\\xC4\\xEA.pdf: cannot read file"), "\(missing.stderr)")
}

// MARK: 6. endless devices

@Test func devZeroIsTooLargeNotACrash() throws {
    let result = try CLI.run(["batch", "/dev/zero", "--max-bytes", "1M"])
    #expect(result.status == 1)
    let record = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    #expect(errorCode(record) == "too_large", "\(record)")
}

// MARK: 7. resume without duplicates

@Test func resumeDoesNotDuplicateUnreadableInputsOrCSVRowsOfPathsWithNewlines() throws {
    let dir = try sampleFolder(1)
    defer { try? FileManager.default.removeItem(at: dir) }
    let newline = dir.appendingPathComponent("two\nlines.pdf")
    try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("samples/" + samplePDFs[1]), to: newline)
    let out = dir.appendingPathComponent("out.jsonl")
    let missing = dir.appendingPathComponent("missing.pdf").path
    _ = try CLI.run(["batch", dir.path, missing, "-o", out.path])
    let first = try jsonLines(out).count
    #expect(first == 3)
    let again = try CLI.run(["batch", dir.path, missing, "-o", out.path, "--resume"])
    #expect(again.stderr.contains("0 converted, 0 failed, 3 skipped"), "\(again.stderr)")
    #expect(try jsonLines(out).count == 3)

    let csv = dir.appendingPathComponent("cells.csv")
    #expect(try CLI.run(["batch", dir.path, "--format", "csv", "-o", csv.path]).status == 0)
    let rows = try Data(contentsOf: csv)
    let resumed = try CLI.run(["batch", dir.path, "--format", "csv", "-o", csv.path, "--resume"])
    #expect(resumed.stderr.contains("0 converted, 0 failed, 2 skipped"), "\(resumed.stderr)")
    #expect(try Data(contentsOf: csv) == rows)
}

// MARK: 8. the smaller ones

@Test func aSecondBatchOnTheSameOutputIsRefusedWhileTheFirstRuns() throws {
    let dir = try sampleFolder(1)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.jsonl")
    let fd = open(out.path, O_RDWR | O_CREAT, 0o644)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX) == 0)  // what a running batch holds
    let second = try CLI.run(["batch", dir.path, "-o", out.path])
    #expect(second.status == 73 && second.stderr.contains("another gongkai batch is writing it"), "\(second.stderr)")
}

@Test func theOutputFileIsNotTakenAsAnInput() throws {
    let dir = try sampleFolder(1)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("cells.txt")  // an ending batch picks up
    for _ in 0..<2 {
        let run = try CLI.run(["batch", dir.path, "-o", out.path])
        #expect(run.status == 0 && run.stderr.contains("1 converted, 0 failed"), "\(run.stderr)")
    }
}

@Test func workersDoNotHoldTheOutputAndASignalStillPrintsTheSummary() throws {
    let dir = try sampleFolder(2)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.jsonl")
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["batch", dir.path, "-o", out.path, "--jobs", "1", "--debug-fault", "hang:" + samplePDFs[1]]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // Wait for the worker on the hanging file, then look at what it holds.
    var workerFDs: [String] = []
    for _ in 0..<100 {
        usleep(100_000)
        let children = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/task/\(process.processIdentifier)/children", encoding: .utf8)) ?? ""
        guard let child = children.split(separator: " ").first else { continue }
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(child)/fd")) ?? []
        workerFDs = fds.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(child)/fd/\($0)") }
        if (try? Data(contentsOf: out).count) ?? 0 > 0 { break }  // the first record is out: the worker is on the hanging file
    }
    #expect(!workerFDs.isEmpty)
    #expect(!workerFDs.contains(out.path), "a worker holds the output: \(workerFDs)")
    kill(process.processIdentifier, SIGTERM)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(stderr.contains("gongkai batch: stopped by signal 15: 1 converted, 0 failed, 0 skipped"), "\(stderr)")
}

@Test func csvSafeNeutralisesFormulaCellsButNotNumbers() throws {
    let plain = try CLI.run(["batch", "=HYPERLINK(1).pdf", "--format", "csv"])
    #expect(String(decoding: plain.stdout, as: UTF8.self).contains("\r\n=HYPERLINK(1).pdf,"))
    let safe = try CLI.run(["batch", "=HYPERLINK(1).pdf", "--format", "csv", "--csv-safe"])
    #expect(String(decoding: safe.stdout, as: UTF8.self).contains("\r\n'=HYPERLINK(1).pdf,"), "\(String(decoding: safe.stdout, as: UTF8.self))")
    let signed = try CLI.run(["extract", "samples/lo_2019_combined_signed.pdf", "--format", "csv", "--csv-safe"])
    let text = String(decoding: signed.stdout, as: UTF8.self)
    #expect(text.contains(",-") && !text.contains(",'-"), "negative numbers stay numbers")
}

@Test func aDoctypeInternalSubsetDoesNotLeakIntoTheAgency() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let source = CLI.root.appendingPathComponent("samples/html/pingtan_2019_article.html")
    let page = try String(contentsOf: source, encoding: .utf8)
    let subset = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"x.dtd\" [\n<!ENTITY nbsp \"&#160;\">\n<!ENTITY org \"]> 某机关\">\n]>"
    let hostile = dir.appendingPathComponent("subset.html")
    try page.replacingOccurrences(of: "<!DOCTYPE html>", with: subset).write(to: hostile, atomically: true, encoding: .utf8)
    let expected = try CLI.run(["extract", source.path, "--compact"])
    let got = try CLI.run(["extract", hostile.path, "--compact"])
    #expect(got.status == expected.status)
    let agency = { (r: CLI.Result) in (r.json?["report"] as? [String: Any])?["agency"] as? String }
    #expect(agency(got) != nil && agency(got) == agency(expected), "\(agency(got) ?? "nil")")
    #expect(got.json.map(cells).map { NSDictionary(dictionary: $0) } == expected.json.map(cells).map { NSDictionary(dictionary: $0) })
}
