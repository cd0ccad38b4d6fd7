import BatchRunner
import Glibc
import Testing

@Test func requestsAndAnswersRoundTrip() {
    #expect(WorkerProtocol.request(Array("a.pdf".utf8)) == Array("5\na.pdf".utf8))
    var buffer = WorkerProtocol.answer(status: 0, payload: Array("{}\n".utf8)) + WorkerProtocol.answer(status: 9, payload: Array("x\nno tables".utf8))
    #expect(WorkerProtocol.takeAnswer(from: &buffer) == .answer(status: 0, payload: Array("{}\n".utf8)))
    #expect(WorkerProtocol.takeAnswer(from: &buffer) == .answer(status: 9, payload: Array("x\nno tables".utf8)))
    #expect(buffer.isEmpty)
    #expect(WorkerProtocol.takeAnswer(from: &buffer) == .incomplete)
}

@Test func aPartOfAnAnswerWaitsForTheRest() {
    var buffer = Array("0 9\n{\"a\":".utf8)
    #expect(WorkerProtocol.takeAnswer(from: &buffer) == .incomplete)
    buffer += Array("1}\n".utf8)
    #expect(WorkerProtocol.takeAnswer(from: &buffer) == .incomplete)
    buffer += Array("!".utf8)
    #expect(WorkerProtocol.takeAnswer(from: &buffer) == .answer(status: 0, payload: Array("{\"a\":1}\n!".utf8)))
}

/// Output that is not an answer (a library writing to stdout, a dying worker) is garbled, never
/// a trap of the batch parent: a negative length once made an invalid range.
@Test func headersThatAreNotAnswersAreGarbled() {
    for header in ["0 -5\nabc", "ok\n", "0 1 2\nx", "Syntax Error: x\n"] {
        var buffer = Array(header.utf8)
        #expect(WorkerProtocol.takeAnswer(from: &buffer) == .garbled, "\(header)")
    }
}

@Test func frameReaderReadsRequestsSplitAcrossWritesWithNamesThatAreNotUTF8() throws {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    let gbk: [UInt8] = Array("报告/".utf8) + [0xB1, 0xA8, 0xB8, 0xE6] + Array(".pdf".utf8)
    let stream = WorkerProtocol.request(gbk) + WorkerProtocol.request(Array("b.pdf".utf8))
    var reader = FrameReader(fd: fds[0])
    // The first write stops in the middle of the first name.
    _ = stream.withUnsafeBytes { write(fds[1], $0.baseAddress, 7) }
    _ = stream.withUnsafeBytes { write(fds[1], $0.baseAddress! + 7, stream.count - 7) }
    close(fds[1])
    #expect(reader.nextRequest() == gbk)
    #expect(reader.nextRequest() == Array("b.pdf".utf8))
    #expect(reader.nextRequest() == nil)
    close(fds[0])
}
