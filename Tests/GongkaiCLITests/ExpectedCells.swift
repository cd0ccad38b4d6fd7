import Foundation
import Testing

/// A JSON value's leaves by dotted path (`new_received.natural_person` → 17).
func jsonLeaves(_ value: Any, _ path: String = "", into out: inout [String: Any]) {
    if let object = value as? [String: Any] {
        for (k, v) in object { jsonLeaves(v, path.isEmpty ? k : path + "." + k, into: &out) }
    } else {
        out[path] = value
    }
}

/// How many of table 三's cells in `json` are those of the expected result at `expectedPath`
/// (from the repository's root); every value `json` gives must be right.
func applicationCellsRight(_ json: [String: Any], expected expectedPath: String) throws -> Int {
    let expectedData = try Data(contentsOf: CLI.root.appendingPathComponent(expectedPath))
    let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
    var want: [String: Any] = [:], got: [String: Any] = [:]
    jsonLeaves(try #require(expected["applications"]), into: &want)
    jsonLeaves(try #require(json["applications"]), into: &got)
    var right = 0
    for (path, value) in want {
        guard let mine = got[path], !(mine is NSNull) else { continue }
        #expect("\(mine)" == "\(value)", "applications.\(path)")
        if "\(mine)" == "\(value)" { right += 1 }
    }
    return right
}

/// A scan fixture extracted through the CLI (which must succeed): how many of table 三's cells
/// are right against `expected` (every value given must be right, checked inside), and the
/// applications' values by path.
func extractedScanFixture(_ path: String, expected: String) throws -> (right: Int, cells: [String: Any]) {
    let result = try CLI.run(["extract", path])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try #require(result.json)
    var cells: [String: Any] = [:]
    jsonLeaves(try #require(json["applications"]), into: &cells)
    return (try applicationCellsRight(json, expected: expected), cells)
}
