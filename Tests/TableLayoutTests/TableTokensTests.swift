import Testing
@testable import TableLayout

@Test(arguments: ["12", "+3", "-2", "0.386", "1,024", "１２", "251000元", "12.5万元", "3%", "5次", "—", "无", "/", "——"])
func valuesAsTablesPrintThem(text: String) {
    #expect(TableTokens.isValue(text))
}

@Test(arguments: ["1.", "1.2.3", ",12", "三、", "（一）", "自然人", "5次申请", "", "%"])
func textsThatAreNoValue(text: String) {
    #expect(!TableTokens.isValue(text))
}

@Test func unitIsSplitOffLongestFirst() {
    #expect(TableTokens.splitNumber("12.5万元")?.unit == "万元")
    #expect(TableTokens.splitNumber("12.5万元")?.number == "12.5")
    #expect(TableTokens.splitNumber("3%")?.unit == "%")
    #expect(TableTokens.splitNumber("1,024")?.unit == nil)
}

@Test func numberingOpensLabels() {
    #expect(TableTokens.startsWithNumbering("三、本年度办理结果"))
    #expect(TableTokens.startsWithNumbering("（二）部分公开"))
    #expect(TableTokens.startsWithNumbering("1.属于国家秘密"))
    #expect(TableTokens.startsWithNumbering("(2)其他"))
    #expect(!TableTokens.startsWithNumbering("属于国家秘密"))
    #expect(!TableTokens.startsWithNumbering("2021年"))
}
