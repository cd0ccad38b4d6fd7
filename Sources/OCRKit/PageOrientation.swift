import CTesseract

/// Which way up a scanned page is, by Tesseract's orientation detection (`osd.traineddata`). A
/// landscape table scanned on a portrait sheet, or a scan given a /Rotate, shows its text running
/// down or up the page. Owns its own `TessBaseAPI`; not thread-safe (one per thread).
public final class PageOrientation {
    private let handle: OpaquePointer
    private let library: TesseractLibrary
    private let detect: @convention(c) (OpaquePointer?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Float>?,
                                         UnsafeMutablePointer<UnsafePointer<CChar>?>?, UnsafeMutablePointer<Float>?) -> Int32

    /// Tesseract's confidence below which it cannot tell. Table pages score low (a page of cells
    /// holds little running text): over the 32 pages of the scanned corpus, upright and turned a
    /// quarter, it named the right orientation on every page, at 2.0 to 37.8 (upright pages alike),
    /// so any answer it gives with some confidence is taken.
    public static let minConfidence: Float = 1.5

    /// nil when Tesseract, its orientation detection or `osd.traineddata` is missing.
    public init?() {
        guard let library = TesseractLibrary.shared, let detect = library.detectOrientationScript, let api = library.create() else { return nil }
        guard library.initialise(api, nil, "osd") == 0 else {
            library.delete(api)
            return nil
        }
        handle = api
        self.library = library
        self.detect = detect
    }

    deinit {
        library.end(handle)
        library.delete(handle)
    }

    /// How many degrees clockwise the picture's text is turned from upright (0, 90, 180, 270):
    /// 0 when Tesseract cannot tell or is not sure enough.
    public func turn(gray pixels: [UInt8], width: Int, height: Int, resolution: Int) -> Int {
        guard width > 0, height > 0, pixels.count >= width * height else { return 0 }
        library.setPageSegMode(handle, TessPageSegMode(0))  // orientation and script detection only
        pixels.withUnsafeBufferPointer { buffer in
            library.setImage(handle, buffer.baseAddress, Int32(width), Int32(height), 1, Int32(width))
        }
        library.setSourceResolution(handle, Int32(resolution))
        var degrees: Int32 = 0, confidence: Float = 0, scriptConfidence: Float = 0
        // No script name asked: Tesseract 5 hands out its own string there (freeing it, as its
        // header says to, corrupts the heap).
        let found = detect(handle, &degrees, &confidence, nil, &scriptConfidence) != 0
        library.clear(handle)
        guard found, confidence >= Self.minConfidence, [90, 180, 270].contains(degrees) else { return 0 }
        return Int(degrees)
    }
}
