import BatchRunner
import Foundation
import Testing

private func tree() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("collect-\(UUID().uuidString)")
    let fm = FileManager.default
    try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    for name in ["b.pdf", "a.TXT", "photo.jpg", ".hidden.pdf", "sub/c.docx", "sub/old.doc"] {
        try Data("x".utf8).write(to: dir.appendingPathComponent(name))
    }
    try fm.createSymbolicLink(atPath: dir.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
    return dir
}

@Test func foldersAreSearchedOnceInSortedOrderWithTheirLoopsReported() throws {
    let dir = try tree()
    defer { try? FileManager.default.removeItem(at: dir) }
    let collected = InputCollector.collect([dir.path, dir.path + "/b.pdf", dir.path + "/nothing.pdf"])
    #expect(collected.files.map(\.display) == ["a.TXT", "b.pdf", "sub/c.docx", "sub/old.doc"].map { dir.path + "/" + $0 })
    #expect(collected.missing.map(\.display) == [dir.path + "/nothing.pdf"])
    #expect(collected.warnings.count == 1 && collected.warnings[0].contains("symbolic link loop"))
}

@Test func globsExpandAndTheOutputIsNeverAnInput() throws {
    let dir = try tree()
    defer { try? FileManager.default.removeItem(at: dir) }
    var st = stat()
    #expect(stat(dir.path + "/b.pdf", &st) == 0)
    let collected = InputCollector.collect([dir.path + "/*.pdf", dir.path + "/*.none"], excluding: (UInt64(st.st_dev), UInt64(st.st_ino)))
    #expect(collected.files.isEmpty)
    #expect(collected.missing.map(\.display) == [dir.path + "/*.none"])
}

@Test func shardsSplitTheInputsOnceEach() {
    let files = (0..<50).map { InputPath("report-\($0).pdf") }
    let shards = (1...4).map { InputCollector.shard(files, index: $0, count: 4) }
    #expect(shards.map(\.count).reduce(0, +) == files.count)
    #expect(Set(shards.flatMap { $0 }) == Set(files))
    #expect(InputCollector.shard(files, index: 2, count: 4) == shards[1])  // the same every time
}

@Test func namesThatAreNotUTF8AreShownByteByByteInTheirComponentOnly() {
    let gbk: [UInt8] = Array("年报/".utf8) + [0xB1, 0xA8, 0xB8, 0xE6] + Array(".pdf".utf8)
    let path = InputPath(bytes: gbk)
    #expect(!path.isUTF8)
    #expect(path.display == "年报/\\xB1\\xA8\\xB8\\xE6.pdf")
    #expect(InputPath("dir/").appending(Array("a.pdf".utf8)).display == "dir/a.pdf")
}
