/// The names in the directory of an OLE2 compound file (legacy Office: .doc, .xls, .ppt, and
/// Kingsoft's .wps/.et/.dps), enough to say which application wrote it.
///
/// Written out rather than taken from a library: only the directory is read (header → FAT →
/// chain of directory sectors → 128-byte entries with UTF-16 names), about 40 lines, and no
/// maintained C library for compound files is packaged for Debian (libgsf would pull in GLib's
/// object system for a name lookup).
enum CompoundFile {
    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func isCompoundFile(_ bytes: [UInt8]) -> Bool { bytes.starts(with: magic) }

    /// Names of the directory's storages and streams (empty when the header or chain is broken).
    static func entryNames(_ bytes: [UInt8]) -> Set<String> {
        guard isCompoundFile(bytes), bytes.count >= 512 else { return [] }
        let shift = Int(u16(bytes, 0x1E))
        guard shift == 9 || shift == 12 else { return [] }
        let size = 1 << shift
        // FAT sectors listed in the header's DIFAT (109 entries: files up to ~7 MB at 512-byte sectors;
        // beyond, the directory usually still sits in the first FAT sectors).
        let fatSectors = (0..<109).map { u32(bytes, 0x4C + 4 * $0) }.filter { $0 < 0xFFFF_FFFA }
        func next(_ sector: UInt32) -> UInt32? {
            let perSector = UInt32(size / 4)
            let fatIndex = Int(sector / perSector)
            guard fatIndex < fatSectors.count else { return nil }
            let offset = (Int(fatSectors[fatIndex]) + 1) * size + Int(sector % perSector) * 4
            return offset + 4 <= bytes.count ? u32(bytes, offset) : nil
        }
        var names: Set<String> = []
        var sector = u32(bytes, 0x30)
        var visited: Set<UInt32> = []
        while sector < 0xFFFF_FFFA, visited.insert(sector).inserted, visited.count <= 4096 {
            let start = (Int(sector) + 1) * size
            guard start + size <= bytes.count else { break }
            for entry in stride(from: start, to: start + size, by: 128) {
                let length = min(64, Int(u16(bytes, entry + 64)))
                guard length >= 2, bytes[entry + 66] != 0 else { continue }
                let units = (0..<(length / 2 - 1)).map { UInt16(u16(bytes, entry + 2 * $0)) }
                names.insert(String(decoding: units, as: UTF16.self))
            }
            guard let n = next(sector) else { break }
            sector = n
        }
        return names
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
