// swift-tools-version:6.0
// The same job as libzip_reader.c through ZIPFoundation (the Swift zip library in the package list).
import PackageDescription

let package = Package(
    name: "ZIPFoundationReader",
    dependencies: [.package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20")],
    targets: [.executableTarget(name: "ZIPFoundationReader", dependencies: ["ZIPFoundation"])]
)
