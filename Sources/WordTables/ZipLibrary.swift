#if canImport(Glibc)
import Glibc
#endif
import CLibZip

/// libzip's functions, loaded with `dlopen` the first time a zip archive is opened — not linked.
///
/// Why: linking it made every run, a PDF's too, load libzip and what it links (libcrypto, libbz2)
/// and bind their symbols: about 3 500 relocations, a tenth of the start-up of a one-page report.
/// Only Word documents (and zip files named as something else) need it.
struct ZipLibrary: @unchecked Sendable {
    typealias Archive = OpaquePointer
    typealias Source = OpaquePointer
    typealias File = OpaquePointer
    let errorInit: @convention(c) (UnsafeMutablePointer<zip_error_t>) -> Void
    let errorFini: @convention(c) (UnsafeMutablePointer<zip_error_t>) -> Void
    let errorText: @convention(c) (UnsafeMutablePointer<zip_error_t>) -> UnsafePointer<CChar>
    let sourceBufferCreate: @convention(c) (UnsafeRawPointer?, zip_uint64_t, Int32, UnsafeMutablePointer<zip_error_t>?) -> Source?
    let sourceFree: @convention(c) (Source?) -> Void
    let openFromSource: @convention(c) (Source, Int32, UnsafeMutablePointer<zip_error_t>?) -> Archive?
    let discard: @convention(c) (Archive) -> Void
    let entryCount: @convention(c) (Archive, zip_flags_t) -> zip_int64_t
    let name: @convention(c) (Archive, zip_uint64_t, zip_flags_t) -> UnsafePointer<CChar>?
    let locate: @convention(c) (Archive, UnsafePointer<CChar>, zip_flags_t) -> zip_int64_t
    let statInit: @convention(c) (UnsafeMutablePointer<zip_stat_t>) -> Void
    let statIndex: @convention(c) (Archive, zip_uint64_t, zip_flags_t, UnsafeMutablePointer<zip_stat_t>) -> Int32
    let openIndex: @convention(c) (Archive, zip_uint64_t, zip_flags_t) -> File?
    let close: @convention(c) (File) -> Int32
    let read: @convention(c) (File, UnsafeMutableRawPointer?, zip_uint64_t) -> zip_int64_t
    let archiveErrorText: @convention(c) (Archive) -> UnsafePointer<CChar>

    /// The library, or nil when it is not installed (then no zip archive can be opened).
    static let shared: ZipLibrary? = load()

    /// The runtime name first (the ABI gongkai was built against), then the development link.
    private static let names = ["libzip.so.4", "libzip.so"]

    private static func load() -> ZipLibrary? {
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else { return nil }
        func symbol<T>(_ name: String) -> T? { dlsym(handle, name).map { unsafeBitCast($0, to: T.self) } }
        guard let errorInit: @convention(c) (UnsafeMutablePointer<zip_error_t>) -> Void = symbol("zip_error_init"),
              let errorFini: @convention(c) (UnsafeMutablePointer<zip_error_t>) -> Void = symbol("zip_error_fini"),
              let errorText: @convention(c) (UnsafeMutablePointer<zip_error_t>) -> UnsafePointer<CChar> = symbol("zip_error_strerror"),
              let sourceBufferCreate: @convention(c) (UnsafeRawPointer?, zip_uint64_t, Int32, UnsafeMutablePointer<zip_error_t>?) -> Source? = symbol("zip_source_buffer_create"),
              let sourceFree: @convention(c) (Source?) -> Void = symbol("zip_source_free"),
              let openFromSource: @convention(c) (Source, Int32, UnsafeMutablePointer<zip_error_t>?) -> Archive? = symbol("zip_open_from_source"),
              let discard: @convention(c) (Archive) -> Void = symbol("zip_discard"),
              let entryCount: @convention(c) (Archive, zip_flags_t) -> zip_int64_t = symbol("zip_get_num_entries"),
              let name: @convention(c) (Archive, zip_uint64_t, zip_flags_t) -> UnsafePointer<CChar>? = symbol("zip_get_name"),
              let locate: @convention(c) (Archive, UnsafePointer<CChar>, zip_flags_t) -> zip_int64_t = symbol("zip_name_locate"),
              let statInit: @convention(c) (UnsafeMutablePointer<zip_stat_t>) -> Void = symbol("zip_stat_init"),
              let statIndex: @convention(c) (Archive, zip_uint64_t, zip_flags_t, UnsafeMutablePointer<zip_stat_t>) -> Int32 = symbol("zip_stat_index"),
              let openIndex: @convention(c) (Archive, zip_uint64_t, zip_flags_t) -> File? = symbol("zip_fopen_index"),
              let close: @convention(c) (File) -> Int32 = symbol("zip_fclose"),
              let read: @convention(c) (File, UnsafeMutableRawPointer?, zip_uint64_t) -> zip_int64_t = symbol("zip_fread"),
              let archiveErrorText: @convention(c) (Archive) -> UnsafePointer<CChar> = symbol("zip_strerror")
        else { dlclose(handle); return nil }
        return ZipLibrary(errorInit: errorInit, errorFini: errorFini, errorText: errorText, sourceBufferCreate: sourceBufferCreate,
                          sourceFree: sourceFree, openFromSource: openFromSource, discard: discard, entryCount: entryCount, name: name,
                          locate: locate, statInit: statInit, statIndex: statIndex, openIndex: openIndex, close: close, read: read,
                          archiveErrorText: archiveErrorText)
    }
}
