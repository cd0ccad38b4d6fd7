import BatchRunner
import Foundation
import Testing

private func scratchFile(_ name: String, _ content: String? = nil) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("batchrunner-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent(name).path
    if let content { try Data(content.utf8).write(to: URL(fileURLWithPath: path)) }
    return path
}

private func record(_ path: String, _ sha: String) -> String {
    #"{"source":{"path":"\#(path)","sha256":"\#(sha)"}}"# + "\n"
}

private let hashA = String(repeating: "a", count: 64), hashB = String(repeating: "b", count: 64)

@Test func existingOutputKeepsWholeRecordsOnly() {
    let text = record("a.pdf", hashA) + "{\"broken\n" + record("missing.pdf", "") + #"{"source":{"path":"b.pdf","sha"#
    let (output, kept) = ExistingOutput.parse(Array(text.utf8), csv: false)
    #expect(output.hashes == [hashA])
    #expect(output.pathsWithoutHash == ["missing.pdf"])
    #expect(output.dropped == 1)
    #expect(String(decoding: kept, as: UTF8.self) == record("a.pdf", hashA) + record("missing.pdf", ""))
    #expect(output.contains(path: "elsewhere.pdf", sha256: hashA))
    #expect(output.contains(path: "missing.pdf", sha256: nil) && !output.contains(path: "missing.pdf", sha256: hashB))
}

@Test func existingCSVRowsMayHoldQuotedLineBreaks() {
    let text = "source,sha256,path\r\n\"a\nb.pdf\",\(hashA),x\r\nc.pdf,\(hashB),y\r\nd.pdf,cut"
    let (output, kept) = ExistingOutput.parse(Array(text.utf8), csv: true)
    #expect(output.hashes == [hashA, hashB])
    #expect(String(decoding: kept, as: UTF8.self) == "source,sha256,path\r\n\"a\nb.pdf\",\(hashA),x\r\nc.pdf,\(hashB),y\r\n")
    #expect(ExistingOutput.csvFields("\"a \"\"q\"\"\",b\r\n") == ["a \"q\"", "b"])
}

@Test func theSinkWritesRecordsInInputOrder() throws {
    let path = try scratchFile("out.jsonl")
    var warnings: [String] = []
    let sink = try ResultSink(path: path, resume: false, csv: false, warn: { warnings.append($0) })
    sink.deliver(2, "c\n", source: "c")
    sink.deliver(0, "a\n", source: "a")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\n")
    sink.deliver(1, nil, source: "b")  // skipped: no record
    #expect(sink.finish())
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\nc\n")
    #expect(warnings.isEmpty && sink.writeFailures == 0)
}

/// A full disk in the middle of a record: the record is reported with the system's words, counted,
/// and its part cut off again, so the file holds whole records only.
@Test func aRecordThatDoesNotFitIsCutOffCountedAndReported() throws {
    let path = try scratchFile("out.jsonl")
    var warnings: [String] = []
    let sink = try ResultSink(path: path, resume: false, csv: false, capacity: 10, warn: { warnings.append($0) })
    sink.deliver(0, "12345\n", source: "first")
    sink.deliver(1, "67890\n", source: "second")
    sink.deliver(2, "x\n", source: "third")
    #expect(sink.writeFailures == 2)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "12345\n")
    #expect(warnings.first == "gongkai batch: \(path): cannot write the record of second: No space left on device")
}

@Test func resumeCutsABrokenRecordAndAppends() throws {
    let path = try scratchFile("out.jsonl", record("a.pdf", hashA) + "{\"cut")
    var warnings: [String] = []
    let sink = try ResultSink(path: path, resume: true, csv: false, warn: { warnings.append($0) })
    #expect(sink.existing.hashes == [hashA])
    sink.deliver(0, record("b.pdf", hashB), source: "b.pdf")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == record("a.pdf", hashA) + record("b.pdf", hashB))
    #expect(warnings.isEmpty)  // a cut last record is no broken one: it is cut away without a word
}

@Test func aSecondSinkOnTheSameFileIsRefusedAndOpenErrorsSayWhy() throws {
    let path = try scratchFile("out.jsonl")
    let first = try ResultSink(path: path, resume: false, csv: false, warn: { _ in })
    #expect(throws: ResultSink.OpenError.self) { try ResultSink(path: path, resume: false, csv: false, warn: { _ in }) }
    do { _ = try ResultSink(path: path, resume: false, csv: false, warn: { _ in }) } catch {
        #expect(error.description == "\(path): another gongkai batch is writing it (the file is locked)")
    }
    _ = first
    do { _ = try ResultSink(path: "/nonexistent-dir/out.jsonl", resume: false, csv: false, warn: { _ in }) } catch {
        #expect(error.description == "/nonexistent-dir/out.jsonl: No such file or directory")
        if case .system(let errno) = error.reason { #expect(errno == .noSuchFileOrDirectory) } else { Issue.record("\(error)") }
    }
}
