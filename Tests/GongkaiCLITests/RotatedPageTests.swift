import Foundation
import GongkaiKit
import Testing

// Reports whose pages were given a /Rotate after they were made (scripts/make_rotated_fixtures.sh):
// their text runs down the displayed page, and each table page is read upright like the original.

@Test func quarterTurnedReportlabReportReadsAsTheOriginal() throws {
    // Every page turned: table 三's one-digit cells are strung by Poppler into lines across the
    // turned text; the page's direction comes from the characters that touch, not from those.
    let expectedURL = CLI.root.appendingPathComponent("samples/rl_2019_separate_stsong.expected.json")
    let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as? [String: Any])
    let result = try CLI.run(["extract", "Tests/GongkaiCLITests/LayoutFixtures/rotate90_rl_2019_separate_stsong.pdf"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let actual = try #require(result.json)
    let want = cells(expected), got = cells(actual)
    #expect(want.count == 198)
    for (path, value) in want.sorted(by: { $0.key < $1.key }) {
        if value is NSNull {
            #expect(got[path] is NSNull, "\(path) should be null, got \(String(describing: got[path]))")
        } else {
            #expect(got[path] as? Double == value as? Double, "\(path) want \(value), got \(String(describing: got[path]))")
        }
    }
    let report = try #require(actual["report"] as? [String: Any])
    #expect(report["agency"] as? String == "兴国县永丰乡人民政府")
    #expect(report["year"] as? Int == 2019)
}

@Test func quarterTurnedChromiumPageIsReadForwards() throws {
    // A browser-printed page (Type 3 fonts with a mirrored matrix) turned a quarter: Poppler takes
    // its text for text running up the page and lists it backwards; the content stream's advances
    // say it runs down. The page holds table 三's head and its first rows.
    let result = try CLI.run(["extract", "Tests/GongkaiCLITests/LayoutFixtures/rotate90_chromium_table3_page.pdf"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let root = try #require(result.json)
    let got = cells(root)
    let newReceived: [(String, Double)] = [("natural_person", 76), ("commercial_enterprise", 12), ("research_institution", 0),
                                           ("social_welfare_org", 0), ("legal_service_org", 11), ("other_org", 1), ("total", 100)]
    for (party, value) in newReceived {
        #expect(got["applications.new_received.\(party)"] as? Double == value, "new_received.\(party)")
    }
    #expect(got["applications.carried_over.natural_person"] as? Double == 3)
    #expect(got["applications.carried_over.total"] as? Double == 3)
}

@Test func inspectionDrawsTurnedPagesCellsWhereTheyAreDisplayed() throws {
    // Grids of a turned page are read upright; `inspect` draws them back on the page as displayed,
    // where each value's cell sits between the ruling lines found there.
    let layout = try ReportExtractor().extractWithLayout(path: CLI.root.appendingPathComponent("Tests/GongkaiCLITests/LayoutFixtures/rotate90_rl_2019_separate_stsong.pdf").path)
    let inspection = Inspection(layout)
    let turned = layout.pages.filter { $0.direction == .down && !$0.grids.isEmpty }
    #expect(!turned.isEmpty)
    for page in turned {
        let marks = inspection.marks(onPage: page.number)
        #expect(!marks.isEmpty)
        for mark in marks {
            let box = page.displayed(mark.box)
            let onLines = page.rulingLines.contains { $0.orientation == .vertical && abs($0.position - box.x0) < 2 }
                && page.rulingLines.contains { $0.orientation == .horizontal && abs($0.position - box.y0) < 2 }
            #expect(onLines, "page \(page.number): \(mark.path ?? "?") at \(box) is off the displayed lines")
            #expect(box.x1 <= page.width + 1 && box.y1 <= page.height + 1)
        }
    }
}
