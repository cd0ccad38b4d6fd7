#if canImport(Glibc)
import Glibc
#endif

/// Turns the batch command's arguments — files, folders (searched recursively) and glob patterns —
/// into a sorted, de-duplicated list of input files, optionally one shard of it.
///
/// Folders are followed through symbolic links, but each folder (device and inode) only once, so
/// a link back up the tree (`ln -s . self`) neither repeats files nor makes the walk endless; such
/// loops are reported as warnings. The batch's own output file is never taken as an input.
public enum InputCollector {
    /// File endings batch picks up inside folders: the formats it reads, and the report formats
    /// it refuses (legacy Word, WPS, OFD), so that those show up as error records rather than
    /// being passed over in silence.
    public static let extensions = [".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".wps", ".ofd"]

    public struct Collected: Sendable {
        public var files: [InputPath] = []
        public var missing: [InputPath] = []
        /// Symlink loops met (and not followed), one line each.
        public var warnings: [String] = []
    }

    public typealias FileIdentity = (device: UInt64, inode: UInt64)

    private struct DirectoryKey: Hashable { let device: UInt64; let inode: UInt64 }

    public static func collect(_ arguments: [String], excluding output: FileIdentity? = nil) -> Collected {
        var result = Collected()
        var visited = Set<DirectoryKey>()
        for argument in arguments.map(InputPath.argument) {
            if identity(argument, ofDirectory: true) != nil {
                walk(argument, into: &result, visited: &visited)
            } else if argument.withCString({ access($0, F_OK) }) == 0 {
                result.files.append(argument)
            } else if argument.display.contains(where: { "*?[".contains($0) }) {
                let matched = expand(argument)
                if matched.isEmpty { result.missing.append(argument) }
                for path in matched {
                    if identity(path, ofDirectory: true) != nil { walk(path, into: &result, visited: &visited) } else { result.files.append(path) }
                }
            } else {
                result.missing.append(argument)
            }
        }
        if let output { result.files.removeAll { isFile($0, output) } }
        var seen = Set<InputPath>()
        result.files = result.files.filter { seen.insert($0).inserted }.sorted()
        return result
    }

    /// The inputs of shard `index` (1-based) of `count`: chosen by a hash of the path, so the same
    /// file always lands in the same shard whatever else is in the list or on which machine.
    public static func shard(_ files: [InputPath], index: Int, count: Int) -> [InputPath] {
        guard count > 1 else { return files }
        return files.filter { Int(fnv1a($0.bytes) % UInt64(count)) == index - 1 }
    }

    public static func fnv1a<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return h
    }

    public static func fnv1a(_ s: String) -> UInt64 { fnv1a(s.utf8) }

    public static func isDirectory(_ path: String) -> Bool { identity(InputPath(path), ofDirectory: true) != nil }

    /// Device and inode of what `path` names (symbolic links followed); with `ofDirectory`, nil
    /// unless it is a directory.
    private static func identity(_ path: InputPath, ofDirectory: Bool) -> DirectoryKey? {
        var st = stat()
        guard path.withCString({ stat($0, &st) }) == 0 else { return nil }
        if ofDirectory && (st.st_mode & S_IFMT) != S_IFDIR { return nil }
        return DirectoryKey(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    private static func isFile(_ path: InputPath, _ file: FileIdentity) -> Bool {
        identity(path, ofDirectory: false) == DirectoryKey(device: file.device, inode: file.inode)
    }

    private static func walk(_ directory: InputPath, into result: inout Collected, visited: inout Set<DirectoryKey>) {
        guard let key = identity(directory, ofDirectory: true) else { return }
        guard visited.insert(key).inserted else {
            result.warnings.append("\(directory.display): a folder already searched (a symbolic link loop?); not followed again")
            return
        }
        for name in entries(of: directory) {
            let path = directory.appending(name)
            if identity(path, ofDirectory: true) != nil {
                walk(path, into: &result, visited: &visited)
            } else if hasInputExtension(name) {
                result.files.append(path)
            }
        }
    }

    /// The names (bytes) in a folder, hidden ones left out.
    private static func entries(of directory: InputPath) -> [[UInt8]] {
        guard let dir = directory.withCString({ opendir($0) }) else { return [] }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        // d_name is read in place, up to its NUL: a directory entry is only as long as its name,
        // so copying the whole 256-byte field read past the end of readdir's buffer (AddressSanitizer
        // caught it on the last entry of a large folder).
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        while let entry = readdir(dir) {
            let start = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: UInt8.self)
            let name = Array(UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
            if name.first == UInt8(ascii: ".") { continue }
            names.append(name)
        }
        return names
    }

    /// Whether a file name ends in one of `extensions` (ASCII, any case; the rest of the name may be any bytes).
    private static func hasInputExtension(_ name: [UInt8]) -> Bool {
        let lowered = name.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return extensions.contains { lowered.count >= $0.utf8.count && lowered.suffix($0.utf8.count).elementsEqual($0.utf8) }
    }

    private static func expand(_ pattern: InputPath) -> [InputPath] {
        var result = glob_t()
        defer { globfree(&result) }
        guard pattern.withCString({ glob($0, 0, nil, &result) }) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { i in
            result.gl_pathv[i].map { InputPath(bytes: Array(UnsafeBufferPointer(start: $0, count: strlen($0))).map { UInt8(bitPattern: $0) }) }
        }
    }
}
