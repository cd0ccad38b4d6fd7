import Testing
@testable import GongkaiKit

/// The byte search must answer as the standard library's search does (whole characters, canonical
/// equivalence), on plain text and on the text where bytes and characters part ways. (This module
/// imports Foundation, whose `String.contains` answers otherwise across a CR LF.)
@Test(arguments: [
    ("二、主动公开政府信息情况\n信息内容 本年制发件数", "信息内容"),
    ("二、主动公开政府信息情况\n信息内容 本年制发件数", "行政许可"),
    ("（一）行政复议 结果维持 12", "维持"),
    ("总计", "总计"),
    ("总", "总计"),
    ("", "总计"),
    // A compatibility ideograph is canonically the unified one: 行 U+FA08 for 行 U+884C.
    ("\u{FA08}政处罚 3", "行政处罚"),
    // A combining mark after the last ideograph makes it another character.
    ("总计\u{0301} 5", "总计"),
    ("总计\u{FE00} 5", "总计"),
    // CR LF is one character; the word's LF alone is not in it.
    ("总计\r\n5", "\n5"),
    ("总计\n5", "\n5"),
])
func plainSearchAnswersAsStringContains(text: String, word: String) {
    #expect(PlainTextSearch(text).contains(word) == (text.firstRange(of: word) != nil))
}

@Test func plainScalarsAreThoseOfReportText() {
    #expect(PlainTextSearch.isPlain("第二十条（一）规章 12，-3；“总计”—①"))
    #expect(!PlainTextSearch.isPlain("\u{FA08}"))
    #expect(!PlainTextSearch.isPlain("\r"))
    #expect(!PlainTextSearch.isPlain("e\u{0301}"))
}
