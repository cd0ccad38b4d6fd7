import Foundation
import GongkaiKit
import Testing

/// docs/report.schema.json, parsed.
private func reportSchema() throws -> SchemaValidator {
    let text = try String(contentsOf: CLI.root.appendingPathComponent("docs/report.schema.json"), encoding: .utf8)
    return SchemaValidator(root: try JSONParser.parse(text))
}

/// Every sample input (PDF, web page, text) that has an expected JSON beside it, relative to the root.
let sampleInputs: [String] = {
    let samples = CLI.root.appendingPathComponent("samples")
    let files = FileManager.default.enumerator(atPath: samples.path)?.compactMap { $0 as? String } ?? []
    let expected = Set(files.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(".expected.json".count)) })
    return files.filter { f in
        !f.hasSuffix(".json") && expected.contains(String(f[..<(f.lastIndex(of: ".") ?? f.endIndex)]))
    }.map { "samples/" + $0 }.sorted()
}()

@Test func everySampleHasAnInput() {
    #expect(sampleInputs.count >= 37)
}

@Test(arguments: sampleInputs)
func sampleOutputConformsToTheSchema(_ path: String) throws {
    let schema = try reportSchema()
    for arguments in [["extract", path], ["extract", path, "--provenance"]] {
        let result = try CLI.run(arguments)
        let document = try JSONParser.parse(String(decoding: result.stdout, as: UTF8.self))
        #expect(schema.violations(of: document) == [], "\(arguments.joined(separator: " "))")
    }
}

@Test func documentsThatBreakTheContractAreCaught() throws {
    let schema = try reportSchema()
    let result = try CLI.run(["extract", "samples/xinxiang_commerce_2024.pdf", "--compact"])
    let text = String(decoding: result.stdout, as: UTF8.self)
    #expect(schema.violations(of: try JSONParser.parse(text)) == [])
    let broken: [(String, String, String)] = [
        ("\"natural_person\":", "\"natural_persons\":", "unexpected key natural_persons"),
        ("\"schema_version\":1", "\"schema_version\":2", "$.schema_version: is not 1"),
        ("\"template\":\"2021\"", "\"template\":\"2020\"", "$.report.template"),
        ("\"year\":2024", "\"year\":\"2024\"", "$.report.year: not of type"),
        ("\"carried_forward\":{\"commercial_enterprise\":0", "\"carried_forward\":{\"commercial_enterprise\":0.5", "$.applications.carried_forward.commercial_enterprise: not of type"),
        ("\"sha256\":\"", "\"sha256\":\"X", "does not match"),
    ]
    for (find, replace, message) in broken {
        #expect(text.contains(find), "fixture text lacks \(find)")
        let mutated = try JSONParser.parse(text.replacingOccurrences(of: find, with: replace))
        let found = schema.violations(of: mutated)
        #expect(found.contains { $0.contains(message) }, "\(replace): \(found)")
    }
    #expect(SchemaValidator(root: try JSONParser.parse("{\"oneOf\":[]}")).violations(of: .null) == ["$: unsupported schema keyword oneOf"])
}
