#if canImport(Glibc)
import Glibc
#endif

/// Writes batch records in input order, each with a single `write`, so that an interrupted run
/// (Ctrl-C, kill -9) leaves a file of whole records.
///
/// Every write is checked: a record that cannot be written (full disk, closed pipe, a file that
/// takes no writes) is reported on stderr and counted, and a partly written one is cut off
/// again, so the next record never lands glued onto half of it and `--resume` can fill the gap.
/// The output file is locked (`flock`) for the run, so two batches never write it at once, and
/// opened close-on-exec, so workers do not hold it.
final class ResultSink {
    private let fd: Int32
    /// The output's name in messages.
    let name: String
    private let isRegularFile: Bool
    private var pending: [Int: (text: String, source: String)] = [:]
    private var nextIndex = 0
    /// Records (and the CSV header) that could not be written.
    private(set) var writeFailures = 0
    /// Device and inode of the output file, so batch can leave it out of its inputs.
    let identity: (device: UInt64, inode: UInt64)?
    /// What an earlier run left in the file (`--resume`); empty otherwise.
    private(set) var existing = ExistingOutput()
    /// Bytes the fault injection lets through before writes fail as on a full disk (tests only).
    private var injectedCapacity = ResultSink.injectedDiskCapacity()

    struct OpenError: Error, CustomStringConvertible { let description: String }

    /// `path` nil or "-" writes to standard output. `resume` keeps what is there (after cutting
    /// away cut and broken records) and appends; otherwise the file is emptied once it is locked.
    init(path: String?, resume: Bool, csv: Bool) throws(OpenError) {
        guard let path, path != "-" else {
            fd = 1; name = "standard output"; isRegularFile = Self.isRegular(1); identity = nil
            return
        }
        name = path
        let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw OpenError(description: "\(path): \(String(cString: strerror(errno)))") }
        fd = opened
        isRegularFile = Self.isRegular(fd)
        var st = stat()
        identity = fstat(fd, &st) == 0 ? (UInt64(st.st_dev), UInt64(st.st_ino)) : nil
        if isRegularFile && flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno == EWOULDBLOCK ? "another gongkai batch is writing it (the file is locked)" : String(cString: strerror(errno))
            throw OpenError(description: "\(path): \(reason)")
        }
        guard isRegularFile else { return }
        if resume { try repairForResume(csv: csv) } else { _ = ftruncate(fd, 0) }
        _ = lseek(fd, 0, SEEK_END)
    }

    deinit { if fd != 1 { close(fd) } }

    /// Whether the output holds nothing yet (standard output: always).
    var isEmpty: Bool { !isRegularFile || fd == 1 || lseek(fd, 0, SEEK_END) == 0 }

    /// Reads what an earlier run wrote and cuts the file back to its whole records.
    private func repairForResume(csv: Bool) throws(OpenError) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw OpenError(description: "\(name): cannot read the output to resume: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        let (output, kept) = ExistingOutput.parse(bytes, csv: csv)
        existing = output
        guard kept.count != bytes.count else { return }
        if output.dropped > 0 {
            Diagnostics.error("gongkai batch: \(name): \(output.dropped) broken record(s) dropped; their inputs are converted again")
        }
        // Kept bytes are a prefix unless a broken record sat mid-file; then the rest is rewritten.
        let prefix = zip(kept, bytes).prefix { $0 == $1 }.count
        guard ftruncate(fd, off_t(prefix)) == 0 else {
            throw OpenError(description: "\(name): cannot repair the output to resume: \(String(cString: strerror(errno)))")
        }
        _ = lseek(fd, 0, SEEK_END)
        do { try OutputTarget.writeAll(fd, Array(kept[prefix...])) } catch {
            throw OpenError(description: "\(name): cannot repair the output to resume: \(error)")
        }
    }

    /// Writes `text` now; on failure reports it (naming `source`, the input the record is of),
    /// counts it and cuts off whatever part of it reached the file.
    @discardableResult
    func writeNow(_ text: String, source: String = "the CSV header") -> Bool {
        guard !text.isEmpty else { return true }
        let start = isRegularFile ? lseek(fd, 0, SEEK_END) : -1
        do {
            try write(Array(text.utf8))
            return true
        } catch {
            writeFailures += 1
            if start >= 0 { _ = ftruncate(fd, start) }
            Diagnostics.error("gongkai batch: \(name): cannot write the record of \(source): \(error)")
            return false
        }
    }

    private func write(_ bytes: [UInt8]) throws(OutputTarget.WriteError) {
        guard let capacity = injectedCapacity else { return try OutputTarget.writeAll(fd, bytes) }
        let room = max(0, min(capacity, bytes.count))
        try OutputTarget.writeAll(fd, Array(bytes[..<room]))
        injectedCapacity = capacity - room
        if room < bytes.count { throw OutputTarget.WriteError(description: String(cString: strerror(ENOSPC))) }
    }

    /// Queues the record of input `index` (from input `source`); writes every record that is now
    /// next in order. `nil` marks an input that produced no record (skipped).
    func deliver(_ index: Int, _ record: String?, source: String) {
        pending[index] = (record ?? "", source)
        while let next = pending.removeValue(forKey: nextIndex) {
            writeNow(next.text, source: next.source)
            nextIndex += 1
        }
    }

    /// Flushes the file to disk; false (after reporting it) when that fails — the records may then
    /// not be on disk. EINVAL means the file cannot be flushed at all (/proc, some devices).
    func finish() -> Bool {
        guard isRegularFile, fsync(fd) != 0, errno != EINVAL else { return true }
        Diagnostics.error("gongkai batch: \(name): cannot write the output to disk: \(String(cString: strerror(errno)))")
        return false
    }

    private static func isRegular(_ fd: Int32) -> Bool {
        var st = stat()
        return fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// `GONGKAI_TEST_FAULT=disk_full:N`: the output takes N bytes, then every write fails with
    /// ENOSPC, cut where the room ends — a full disk, for the tests. Unset in normal runs.
    private static func injectedDiskCapacity() -> Int? {
        guard let fault = getenv("GONGKAI_TEST_FAULT").map({ String(cString: $0) }), fault.hasPrefix("disk_full:") else { return nil }
        return Int(fault.dropFirst("disk_full:".count))
    }
}
