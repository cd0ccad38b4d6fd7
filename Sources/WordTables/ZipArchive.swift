import CLibZip

/// Why a zip archive (or one of its members) could not be read.
public enum ZipError: Error, Equatable, Sendable {
    /// Not a zip archive, or one whose central directory is damaged (libzip's words).
    case notAnArchive(String)
    /// The member is not in the archive.
    case missingMember(String)
    /// The member is there but cannot be read (damaged, encrypted, unsupported compression, too large).
    case unreadableMember(String, String)

    public var description: String {
        switch self {
        case .notAnArchive(let d): return "not a readable zip archive (\(d))"
        case .missingMember(let m): return "the archive has no \(m)"
        case .unreadableMember(let m, let d): return "cannot read \(m) from the archive (\(d))"
        }
    }
}

/// The only place that touches libzip (loaded on first use, `ZipLibrary`): a zip archive held in memory, its member names, and one
/// member's bytes at a time. The libzip handle is closed when the value is released.
///
/// libzip rather than ZIPFoundation: a process opening a DOCX and reading `word/document.xml`
/// takes 3–4× less time with libzip (9.6 against 39.7 ms, `benchmarks/zip_open/run.sh`; mostly
/// Foundation's start-up), and the rest of the C-library layer (zlib, libxml2) is linked alike.
public final class ZipArchive {
    private let zip: ZipLibrary
    private let archive: OpaquePointer
    /// The archive's bytes: libzip reads from this buffer for as long as the archive is open.
    private let buffer: UnsafeMutableRawBufferPointer

    /// Largest member read whole; report documents are a few MB, a zip bomb is refused.
    public static let maxMemberBytes = 256 << 20

    public init(bytes: [UInt8]) throws(ZipError) {
        guard let zip = ZipLibrary.shared else { throw .notAnArchive("libzip could not be loaded") }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        var error = zip_error_t()
        zip.errorInit(&error)
        defer { zip.errorFini(&error) }
        guard let source = zip.sourceBufferCreate(buffer.baseAddress, zip_uint64_t(bytes.count), 0, &error) else {
            buffer.deallocate()
            throw .notAnArchive(String(cString: zip.errorText(&error)))
        }
        guard let archive = zip.openFromSource(source, ZIP_RDONLY, &error) else {
            zip.sourceFree(source)
            buffer.deallocate()
            throw .notAnArchive(String(cString: zip.errorText(&error)))
        }
        self.zip = zip
        self.archive = archive
        self.buffer = buffer
    }

    deinit {
        zip.discard(archive)
        buffer.deallocate()
    }

    /// Whether the bytes start like a zip archive (local file header or empty-archive record).
    public static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else { return false }
        return (bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6)
    }

    /// Names of all members, in the archive's order.
    public var memberNames: [String] {
        let count = zip.entryCount(archive, 0)
        guard count > 0 else { return [] }
        return (0..<zip_uint64_t(count)).compactMap { i in zip.name(archive, i, ZIP_FL_ENC_GUESS).map { String(cString: $0) } }
    }

    /// Whether a member of that name is in the archive (names compared without case).
    public func contains(_ name: String) -> Bool { zip.locate(archive, name, ZIP_FL_NOCASE) >= 0 }

    /// The whole of one member, decompressed.
    public func read(_ name: String) throws(ZipError) -> [UInt8] {
        let index = zip.locate(archive, name, ZIP_FL_NOCASE)
        guard index >= 0 else { throw .missingMember(name) }
        var stat = zip_stat_t()
        zip.statInit(&stat)
        guard zip.statIndex(archive, zip_uint64_t(index), 0, &stat) == 0 else { throw .unreadableMember(name, errorText) }
        guard stat.size <= zip_uint64_t(Self.maxMemberBytes) else { throw .unreadableMember(name, "\(stat.size) bytes uncompressed, more than \(Self.maxMemberBytes)") }
        guard let file = zip.openIndex(archive, zip_uint64_t(index), 0) else { throw .unreadableMember(name, errorText) }
        defer { _ = zip.close(file) }
        var out = [UInt8](repeating: 0, count: Int(stat.size))
        let read = out.withUnsafeMutableBytes { zip.read(file, $0.baseAddress, zip_uint64_t($0.count)) }
        guard read == Int64(stat.size) else { throw .unreadableMember(name, read < 0 ? errorText : "short read") }
        return out
    }

    private var errorText: String { String(cString: zip.archiveErrorText(archive)) }
}
