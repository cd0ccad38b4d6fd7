#if canImport(Glibc)
import Glibc
#endif

/// Writes batch records in input order, each with a single `write`, so that an interrupted run
/// (Ctrl-C, kill -9) leaves a file of whole records; `--resume` reads the content hashes of the
/// records already there and cuts off a trailing partial record before appending.
final class ResultSink {
    private let fd: Int32
    private let closeAtEnd: Bool
    private var pending: [Int: String] = [:]
    private var nextIndex = 0

    struct OpenError: Error, CustomStringConvertible { let description: String }

    /// `path` nil writes to standard output.
    init(path: String?, append: Bool) throws(OpenError) {
        guard let path, path != "-" else { fd = 1; closeAtEnd = false; return }
        let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        let opened = open(path, flags, 0o644)
        guard opened >= 0 else { throw OpenError(description: "\(path): \(String(cString: strerror(errno)))") }
        fd = opened
        closeAtEnd = true
    }

    deinit {
        if closeAtEnd { fsync(fd); close(fd) }
    }

    func writeNow(_ text: String) {
        guard !text.isEmpty else { return }
        try? OutputTarget.writeAll(fd, Array(text.utf8))
    }

    /// Queues the record of input `index`; writes every record that is now next in order.
    /// `nil` marks an input that produced no record (skipped).
    func deliver(_ index: Int, _ record: String?) {
        pending[index] = record ?? ""
        while let text = pending.removeValue(forKey: nextIndex) {
            writeNow(text)
            nextIndex += 1
        }
    }

    /// Content hashes of the records in an existing output file (JSON Lines or CSV), after
    /// truncating any partial last line. Returns an empty set when the file does not exist.
    static func hashesInExistingOutput(_ path: String, csv: Bool) -> Set<String> {
        let fd = open(path, O_RDWR)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        if let lastNewline = bytes.lastIndex(of: 0x0A), lastNewline + 1 < bytes.count {
            _ = ftruncate(fd, off_t(lastNewline + 1))
            bytes.removeSubrange((lastNewline + 1)...)
        } else if !bytes.isEmpty && bytes.last != 0x0A {
            _ = ftruncate(fd, 0)
            bytes = []
        }
        var hashes = Set<String>()
        for line in bytes.split(separator: 0x0A) {
            let text = String(decoding: line, as: UTF8.self)
            if let h = csv ? csvSecondField(text) : jsonSHA256(text), h.count == 64 { hashes.insert(h) }
        }
        return hashes
    }

    /// The value of the first `"sha256":"…"` in a JSON line (our records put it in `source`).
    private static func jsonSHA256(_ line: String) -> String? {
        guard let r = line.firstRange(of: "\"sha256\":\"") else { return nil }
        return String(line[r.upperBound...].prefix(64))
    }

    /// The second field of a CSV line (the sha256 column), honouring quotes in the first.
    private static func csvSecondField(_ line: String) -> String? {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var chars = Array(line.replacing("\r", with: ""))
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        while i < chars.count && fields.count < 2 {
            let c = chars[i]
            if quoted {
                if c == "\"" { if i + 1 < chars.count && chars[i + 1] == "\"" { current.append("\""); i += 1 } else { quoted = false } }
                else { current.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { fields.append(current); current = "" }
            else { current.append(c) }
            i += 1
        }
        if fields.count < 2 { fields.append(current) }
        return fields.count >= 2 ? fields[1] : nil
    }
}
