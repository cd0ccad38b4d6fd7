// swift-tools-version:6.0
// gongkai — 政府信息公开工作年度报告 PDF → typed, checked JSON.
//
// Layers (data flows one way, top to bottom):
//   CPoppler      C interop: poppler-glib + cairo via pkg-config
//   CLibXML2      C interop: libxml2's HTML parser via pkg-config
//   PageGeometry  plain value types shared by every layer (Rect, Glyph, RulingLine, PageContent)
//   CPopplerCore  C interop: Poppler's core library (libpoppler-private-dev) via pkg-config
//   PopplerPaths  C++: Poppler's own interpreter (Gfx + an OutputDev) → the paths a page paints
//   PopplerKit    owns every Poppler pointer and GObject lifetime; bytes → PageContent
//   ScanImaging   scanned page pixels: binarising, deskew, table borders as long runs of ink
//   CTesseract    C interop: Tesseract's C API via pkg-config
//   OCRKit        owns every Tesseract pointer; a cell's picture → text with confidence
//   TableLayout   glyphs + ruling lines → lines → CellGrid (knows nothing of reports)
//   LibXML2Nodes  what the HTML and Word readers copy out of a libxml2 node (names, attributes)
//   HTMLTables    owns libxml2's HTML parser pointers; web page → <table>s → CellGrid (same model as PDF)
//   CLibZip       C interop: libzip's headers (zip archives in memory); the library is loaded on first use
//   WordTables    owns every libzip pointer and libxml2's XML parser pointers; DOCX → w:tbl → CellGrid
//   TextTables    text (pdftotext -layout output, markdown pipe tables) → CellGrid; decoding
//   GongkaiReport templates as data, label matching, normalising, checks, JSON
//   GongkaiKit    the pipeline facade (library product)
//   BatchRunner   many documents in worker processes: the pool, its pipe protocol, inputs, the result file
//   GongkaiCLI    the `gongkai` executable: argument parsing and printing
import PackageDescription

let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gongkai", targets: ["GongkaiCLI"]),
        .library(name: "GongkaiKit", targets: ["GongkaiKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .systemLibrary(
            name: "CPopplerCore",
            pkgConfig: "poppler",
            providers: [.apt(["libpoppler-private-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CLibZip",  // headers only: WordTables loads the library on first use (no pkgConfig: it would link it)
            providers: [.apt(["libzip-dev"])]
        ),
        .systemLibrary(
            name: "CTesseract",  // headers only: OCRKit loads the library on first use (no pkgConfig: it would link it)
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-chi-sim", "tesseract-ocr-eng"])]
        ),
        .target(name: "PageGeometry"),
        .target(name: "ScanImaging", dependencies: ["PageGeometry"]),
        .target(name: "OCRKit", dependencies: ["CTesseract", "ScanImaging"]),
        .target(name: "PopplerPaths", dependencies: ["CPopplerCore"]),
        .target(name: "PopplerKit", dependencies: ["CPoppler", "PopplerPaths", "PageGeometry", .product(name: "SystemPackage", package: "swift-system")]),
        .target(name: "TableLayout", dependencies: ["PageGeometry"]),
        .target(name: "LibXML2Nodes", dependencies: ["CLibXML2"]),
        .target(name: "HTMLTables", dependencies: ["CLibXML2", "LibXML2Nodes", "TableLayout"]),
        .target(name: "WordTables", dependencies: ["CLibZip", "CLibXML2", "LibXML2Nodes", "TableLayout"]),
        .target(name: "TextTables", dependencies: ["TableLayout"]),
        .target(name: "GongkaiReport", dependencies: ["TableLayout"]),
        .target(name: "GongkaiKit", dependencies: ["PopplerKit", "HTMLTables", "WordTables", "TextTables", "TableLayout", "GongkaiReport", "OCRKit", "ScanImaging"]),
        .target(name: "BatchRunner", dependencies: ["GongkaiKit", .product(name: "SystemPackage", package: "swift-system")]),
        .executableTarget(
            name: "GongkaiCLI",
            dependencies: [
                "GongkaiKit",
                "BatchRunner",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "MemoryCheck", dependencies: ["PopplerKit"]),
        .testTarget(name: "PopplerKitTests", dependencies: ["PopplerKit", "MemoryCheck"], exclude: ["Fixtures"]),
        .testTarget(name: "TableLayoutTests", dependencies: ["TableLayout"]),
        .testTarget(name: "BatchRunnerTests", dependencies: ["BatchRunner"]),
        .testTarget(name: "GongkaiReportTests", dependencies: ["GongkaiReport", "TableLayout"]),
        .testTarget(
            name: "GongkaiCLITests",
            dependencies: ["GongkaiKit", "GongkaiCLI", "OCRKit", "ScanImaging"],
            exclude: ["Fixtures", "ForeignFixtures", "ScanFixtures", "LayoutFixtures"]
        ),
        .testTarget(name: "HTMLTablesTests", dependencies: ["HTMLTables", "GongkaiKit"]),
        .testTarget(name: "WordTablesTests", dependencies: ["WordTables", "TableLayout", "GongkaiKit"], exclude: ["Fixtures"]),
        .testTarget(name: "TextTablesTests", dependencies: ["TextTables", "GongkaiKit"], exclude: ["Fixtures"]),
    ],
    cxxLanguageStandard: .cxx17
)
