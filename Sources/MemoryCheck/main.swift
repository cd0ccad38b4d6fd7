// MemoryCheck FILE [RUNS]: opens FILE and extracts every page (glyphs, raster, ruling lines)
// RUNS times, printing resident memory after a warm-up and at the end. The PopplerKit tests run it
// in its own process, so that tests running in parallel do not blur the measurement.
import PopplerKit
#if canImport(Glibc)
import Glibc
#endif

func residentKiB() -> Int {
    guard let f = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(f) }
    var size = 0, resident = 0
    withUnsafeMutablePointer(to: &size) { s in withUnsafeMutablePointer(to: &resident) { r in
        _ = withVaList([s, r]) { vfscanf(f, "%ld %ld", $0) }
    } }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

let args = CommandLine.arguments
guard args.count >= 2, let bytes = try? FileBytes.read(path: args[1]) else {
    print("usage: MemoryCheck FILE [RUNS]")
    exit(2)
}
let runs = args.count > 2 ? Int(args[2]) ?? 200 : 200

func once() {
    guard let doc = try? PDFDocument(bytes: bytes) else { exit(3) }
    for page in 0..<doc.pageCount { _ = doc.content(page: page) }
}

// Warm-up: Poppler's and cairo's font and glyph caches and the allocator fill during the first runs.
for _ in 0..<40 { once() }
let before = residentKiB()
for _ in 0..<runs { once() }
print("runs \(runs) before_kib \(before) after_kib \(residentKiB())")
