#if canImport(Glibc)
import Glibc
#endif

/// Turns the batch command's arguments — files, folders (searched recursively) and glob patterns —
/// into a sorted, de-duplicated list of input files, optionally one shard of it.
enum InputCollector {
    /// File endings batch picks up inside folders: the formats it reads, and the report formats
    /// it refuses (legacy Word, WPS, OFD), so that those show up as error records rather than
    /// being passed over in silence.
    static let extensions = [".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".wps", ".ofd"]

    static func collect(_ arguments: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        for argument in arguments {
            if isDirectory(argument) {
                walk(argument, into: &files)
            } else if access(argument, F_OK) == 0 {
                files.append(argument)
            } else if argument.contains(where: { "*?[".contains($0) }) {
                let matched = expand(argument)
                if matched.isEmpty { missing.append(argument) }
                for path in matched { if isDirectory(path) { walk(path, into: &files) } else { files.append(path) } }
            } else {
                missing.append(argument)
            }
        }
        var seen = Set<String>()
        return (files.filter { seen.insert($0).inserted }.sorted(), missing)
    }

    /// The inputs of shard `index` (1-based) of `count`: chosen by a hash of the path, so the same
    /// file always lands in the same shard whatever else is in the list or on which machine.
    static func shard(_ files: [String], index: Int, count: Int) -> [String] {
        guard count > 1 else { return files }
        return files.filter { Int(fnv1a($0) % UInt64(count)) == index - 1 }
    }

    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return h
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    private static func walk(_ directory: String, into files: inout [String]) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        var entries: [String] = []
        // d_name is read in place, up to its NUL: a directory entry is only as long as its name,
        // so copying the whole 256-byte field read past the end of readdir's buffer (AddressSanitizer
        // caught it on the last entry of a large folder).
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        while let entry = readdir(dir) {
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            entries.append(name)
        }
        for name in entries {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if isDirectory(path) {
                walk(path, into: &files)
            } else if extensions.contains(where: { name.lowercased().hasSuffix($0) }) {
                files.append(path)
            }
        }
    }

    private static func expand(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
    }
}
