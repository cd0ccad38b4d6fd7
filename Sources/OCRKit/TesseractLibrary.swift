#if canImport(Glibc)
import Glibc
#endif
import CTesseract

/// Tesseract's C API, loaded with `dlopen` the first time a page needs OCR — not linked.
///
/// Why: linking it made every run load libtesseract, Leptonica and libgomp (and libgomp reads
/// `OMP_THREAD_LIMIT` only when it is loaded, which forced a second `exec` of the whole program to
/// keep Tesseract to one thread). Loading it on first use costs nothing to the reports that have a
/// text layer, and lets the thread limit be set just before libgomp starts.
struct TesseractLibrary: @unchecked Sendable {
    typealias API = OpaquePointer
    let create: @convention(c) () -> API?
    let delete: @convention(c) (API?) -> Void
    let initialise: @convention(c) (API?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    let end: @convention(c) (API?) -> Void
    let setVariable: @convention(c) (API?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    let setPageSegMode: @convention(c) (API?, TessPageSegMode) -> Void
    let setImage: @convention(c) (API?, UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32) -> Void
    let setSourceResolution: @convention(c) (API?, Int32) -> Void
    let utf8Text: @convention(c) (API?) -> UnsafeMutablePointer<CChar>?
    let deleteText: @convention(c) (UnsafePointer<CChar>?) -> Void
    let meanTextConfidence: @convention(c) (API?) -> Int32
    let clear: @convention(c) (API?) -> Void
    /// The calls that walk a recognised page (`OCREngine.recognizeSymbols`).
    let results: ResultCalls
    /// Tesseract's orientation and script detection (needs `osd.traineddata`); nil in a library without it.
    let detectOrientationScript: (@convention(c) (API?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Float>?,
                                                  UnsafeMutablePointer<UnsafePointer<CChar>?>?, UnsafeMutablePointer<Float>?) -> Int32)?

    /// The library, or nil when it is not installed (then no page can be OCR'd).
    static let shared: TesseractLibrary? = load()

    /// The development link first (the version gongkai was built against), then the runtime name.
    private static let names = ["libtesseract.so", "libtesseract.so.5", "libtesseract.so.4"]

    private static func load() -> TesseractLibrary? {
        // Page and batch workers are the parallelism: one OpenMP thread per recognition. Set before
        // libgomp is loaded (it reads the variable once); a value the user set is kept.
        setenv("OMP_THREAD_LIMIT", "1", 0)
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else { return nil }
        func symbol<T>(_ name: String, _: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: T.self) }
        }
        guard let create = symbol("TessBaseAPICreate", (@convention(c) () -> API?).self),
              let delete = symbol("TessBaseAPIDelete", (@convention(c) (API?) -> Void).self),
              let initialise = symbol("TessBaseAPIInit3", (@convention(c) (API?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32).self),
              let end = symbol("TessBaseAPIEnd", (@convention(c) (API?) -> Void).self),
              let setVariable = symbol("TessBaseAPISetVariable", (@convention(c) (API?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32).self),
              let setPageSegMode = symbol("TessBaseAPISetPageSegMode", (@convention(c) (API?, TessPageSegMode) -> Void).self),
              let setImage = symbol("TessBaseAPISetImage", (@convention(c) (API?, UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32) -> Void).self),
              let setSourceResolution = symbol("TessBaseAPISetSourceResolution", (@convention(c) (API?, Int32) -> Void).self),
              let utf8Text = symbol("TessBaseAPIGetUTF8Text", (@convention(c) (API?) -> UnsafeMutablePointer<CChar>?).self),
              let deleteText = symbol("TessDeleteText", (@convention(c) (UnsafePointer<CChar>?) -> Void).self),
              let meanTextConfidence = symbol("TessBaseAPIMeanTextConf", (@convention(c) (API?) -> Int32).self),
              let clear = symbol("TessBaseAPIClear", (@convention(c) (API?) -> Void).self),
              let results = ResultCalls.load(handle)
        else { dlclose(handle); return nil }
        let detect = symbol("TessBaseAPIDetectOrientationScript", (@convention(c) (API?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Float>?,
                                                                                  UnsafeMutablePointer<UnsafePointer<CChar>?>?, UnsafeMutablePointer<Float>?) -> Int32).self)
        return TesseractLibrary(create: create, delete: delete, initialise: initialise, end: end, setVariable: setVariable,
                                setPageSegMode: setPageSegMode, setImage: setImage, setSourceResolution: setSourceResolution,
                                utf8Text: utf8Text, deleteText: deleteText, meanTextConfidence: meanTextConfidence, clear: clear,
                                results: results, detectOrientationScript: detect)
    }
}

/// Tesseract's result iterator: a recognised page walked symbol by symbol, with each one's box,
/// text and confidence (the page's layout, which `TessBaseAPIGetUTF8Text` flattens into lines).
struct ResultCalls {
    typealias API = OpaquePointer
    typealias Iterator = OpaquePointer
    let recognize: @convention(c) (API?, OpaquePointer?) -> Int32
    let iterator: @convention(c) (API?) -> Iterator?
    let delete: @convention(c) (Iterator?) -> Void
    let next: @convention(c) (Iterator?, TessPageIteratorLevel) -> Int32
    let text: @convention(c) (Iterator?, TessPageIteratorLevel) -> UnsafeMutablePointer<CChar>?
    let confidence: @convention(c) (Iterator?, TessPageIteratorLevel) -> Float
    /// The result iterator seen as the page iterator it extends (boxes, where elements begin).
    let pageIterator: @convention(c) (Iterator?) -> OpaquePointer?
    let boundingBox: @convention(c) (OpaquePointer?, TessPageIteratorLevel, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?,
                                     UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?) -> Int32
    let isAtBeginningOf: @convention(c) (OpaquePointer?, TessPageIteratorLevel) -> Int32

    static func load(_ handle: UnsafeMutableRawPointer) -> ResultCalls? {
        func symbol<T>(_ name: String, _: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: T.self) }
        }
        guard let recognize = symbol("TessBaseAPIRecognize", (@convention(c) (API?, OpaquePointer?) -> Int32).self),
              let iterator = symbol("TessBaseAPIGetIterator", (@convention(c) (API?) -> Iterator?).self),
              let delete = symbol("TessResultIteratorDelete", (@convention(c) (Iterator?) -> Void).self),
              let next = symbol("TessResultIteratorNext", (@convention(c) (Iterator?, TessPageIteratorLevel) -> Int32).self),
              let text = symbol("TessResultIteratorGetUTF8Text", (@convention(c) (Iterator?, TessPageIteratorLevel) -> UnsafeMutablePointer<CChar>?).self),
              let confidence = symbol("TessResultIteratorConfidence", (@convention(c) (Iterator?, TessPageIteratorLevel) -> Float).self),
              let pageIterator = symbol("TessResultIteratorGetPageIterator", (@convention(c) (Iterator?) -> OpaquePointer?).self),
              let boundingBox = symbol("TessPageIteratorBoundingBox", (@convention(c) (OpaquePointer?, TessPageIteratorLevel, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?,
                                                                                    UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?) -> Int32).self),
              let isAtBeginningOf = symbol("TessPageIteratorIsAtBeginningOf", (@convention(c) (OpaquePointer?, TessPageIteratorLevel) -> Int32).self)
        else { return nil }
        return ResultCalls(recognize: recognize, iterator: iterator, delete: delete, next: next, text: text, confidence: confidence,
                           pageIterator: pageIterator, boundingBox: boundingBox, isAtBeginningOf: isAtBeginningOf)
    }
}
