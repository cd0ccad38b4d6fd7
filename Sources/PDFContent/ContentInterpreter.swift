/// Runs a page's content streams (ISO 32000-1 §8) for what they paint: stroked segments, filled
/// shapes and images, with the graphics state that places and colours them (CTM, line width,
/// colours, clip as a box, form XObjects). Text, fonts and shading are skipped: text comes from
/// Poppler, and the point here is the table borders, without the cost of rendering the page.
///
/// Work is bounded (`Limits`): a page that asks for more — millions of operators, deeply nested
/// forms, hundreds of thousands of shapes — is reported as too complex, and the caller renders it.
struct ContentInterpreter {
    struct Limits {
        var operators = 4_000_000
        var shapes = 400_000
        var formDepth = 12
        var stateDepth = 4096
        /// Bytes of form XObject data decoded for one page.
        var formBytes = 256 << 20
    }

    enum Failure: Error { case undecodable, tooComplex }

    private struct State {
        var ctm: Matrix
        var lineWidth = 1.0
        var strokeSpace = ColourSpace.gray
        var fillSpace = ColourSpace.gray
        var strokeLuma: Double? = 0
        var fillLuma: Double? = 0
        var clip: PaintedShapes.Box?
    }

    private enum Operand {
        case number(Double)
        case name(String)
        case other
    }

    /// A point of the current path; `kind`: 0 start of a subpath, 1 end of a straight segment,
    /// 2 curve control point, 3 end of a curve.
    private struct PathPoint {
        var x: Double
        var y: Double
        var kind: UInt8
    }

    let file: PDFFile
    let limits: Limits
    private(set) var shapes: PaintedShapes
    private var state: State
    private var saved: [State] = []
    private var path: [PathPoint] = []
    private var closedSubpaths: Set<Int> = []  // indices in `path` of subpath starts that were closed
    private var subpathStart = -1
    private var pendingClip = false
    private var operatorsLeft: Int
    private var formDepth = 0
    /// Form XObjects decoded on this page, by object number (a form drawn a thousand times is
    /// decoded once).
    private var forms: [Int: [UInt8]] = [:]
    private var formBytesLeft: Int

    init(file: PDFFile, page: PDFPage, limits: Limits = Limits()) {
        self.file = file
        self.limits = limits
        let size = page.displaySize
        shapes = PaintedShapes(width: size.width, height: size.height)
        state = State(ctm: page.displayMatrix)
        operatorsLeft = limits.operators
        formBytesLeft = limits.formBytes
    }

    /// Interprets the page; the shapes are in `shapes` afterwards.
    static func read(_ page: PDFPage, in file: PDFFile, limits: Limits = Limits()) throws(Failure) -> PaintedShapes {
        guard let content = page.content() else { throw .undecodable }
        var interpreter = ContentInterpreter(file: file, page: page, limits: limits)
        try interpreter.run(content, resources: page.resources)
        return interpreter.shapes
    }

    // MARK: the token loop

    mutating func run(_ data: [UInt8], resources: [String: PDFObject]) throws(Failure) {
        var operands: [Operand] = []
        operands.reserveCapacity(16)
        var i = 0
        let n = data.count
        while i < n {
            let c = data[i]
            if ObjectParser.isWhitespace(c) { i += 1; continue }
            switch c {
            case 0x25:  // comment
                while i < n, data[i] != 0x0A, data[i] != 0x0D { i += 1 }
            case 0x2F:  // name
                var p = ObjectParser(bytes: data, position: i)
                let name = p.parseName()
                i = p.position
                if operands.count < 64 { operands.append(.name(name)) }
            case 0x28:  // literal string
                i = Self.skipLiteralString(data, from: i)
                if operands.count < 64 { operands.append(.other) }
            case 0x3C:
                if i + 1 < n, data[i + 1] == 0x3C {
                    i = Self.skipDictionary(data, from: i)
                } else {
                    i += 1
                    while i < n, data[i] != 0x3E { i += 1 }
                    i += 1
                }
                if operands.count < 64 { operands.append(.other) }
            case 0x5B, 0x5D, 0x7B, 0x7D, 0x29, 0x3E:
                i += 1
            default:
                let start = i
                while i < n, ObjectParser.isRegular(data[i]) { i += 1 }
                let run = data[start..<i]
                if let v = Self.number(run) {
                    if operands.count < 64 { operands.append(.number(v)) }
                    continue
                }
                operatorsLeft -= 1
                guard operatorsLeft > 0 else { throw .tooComplex }
                if run.count == 2, run.first == 0x42, run.last == 0x49 {  // BI: an inline image
                    i = inlineImage(data, from: i)
                } else {
                    try execute(run, operands, resources: resources)
                }
                operands.removeAll(keepingCapacity: true)
            }
        }
    }

    /// A number token, fast (content streams are mostly numbers).
    private static func number(_ run: ArraySlice<UInt8>) -> Double? {
        guard let f = run.first, (f >= 0x30 && f <= 0x39) || f == 0x2D || f == 0x2B || f == 0x2E else { return nil }
        return ObjectParser.number(run)
    }

    static func skipLiteralString(_ data: [UInt8], from start: Int) -> Int {
        var i = start + 1, depth = 1
        while i < data.count {
            switch data[i] {
            case 0x5C: i += 2; continue
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return data.count
    }

    static func skipDictionary(_ data: [UInt8], from start: Int) -> Int {
        var i = start + 2, depth = 1
        while i < data.count {
            let c = data[i]
            if c == 0x28 { i = skipLiteralString(data, from: i); continue }
            if c == 0x3C, i + 1 < data.count, data[i + 1] == 0x3C { depth += 1; i += 2; continue }
            if c == 0x3E, i + 1 < data.count, data[i + 1] == 0x3E {
                depth -= 1
                i += 2
                if depth == 0 { return i }
                continue
            }
            i += 1
        }
        return data.count
    }

    /// Skips `BI … ID <data> EI`, recording where the image lies; returns the index after `EI`.
    private mutating func inlineImage(_ data: [UInt8], from start: Int) -> Int {
        var p = ObjectParser(bytes: data, position: start)
        while !p.atEnd {
            p.skipWhitespaceAndComments()
            if p.matches("ID") { break }
            guard p.current == 0x2F else { p.position += 1; continue }
            _ = p.parseName()
            _ = p.parseObject()
        }
        var i = p.position + 3  // "ID" and the one whitespace byte after it
        // The data ends at "EI" between whitespace (or the end of the stream).
        while i + 1 < data.count {
            if data[i] == 0x45, data[i + 1] == 0x49, ObjectParser.isWhitespace(data[i - 1]),
               i + 2 >= data.count || !ObjectParser.isRegular(data[i + 2]) {
                recordImage()
                return i + 2
            }
            i += 1
        }
        recordImage()
        return data.count
    }

    // MARK: operators

    private static func key(_ run: ArraySlice<UInt8>) -> UInt32 {
        guard run.count <= 3 else { return 0 }
        var k: UInt32 = 0
        for (s, b) in run.enumerated() { k |= UInt32(b) << (8 * UInt32(s)) }
        return k
    }

    private static func k(_ s: StaticString) -> UInt32 {
        var k: UInt32 = 0
        let p = UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
        for (i, b) in p.enumerated() { k |= UInt32(b) << (8 * UInt32(i)) }
        return k
    }

    // Operator keys, computed once.
    private static let opq = k("q"), opQ = k("Q"), opcm = k("cm"), opw = k("w"), opm = k("m"), opl = k("l"),
        opc = k("c"), opv = k("v"), opy = k("y"), oph = k("h"), opre = k("re"), opS = k("S"), ops = k("s"),
        opf = k("f"), opF = k("F"), opfStar = k("f*"), opB = k("B"), opBStar = k("B*"), opb = k("b"),
        opbStar = k("b*"), opn = k("n"), opW = k("W"), opWStar = k("W*"), opg = k("g"), opG = k("G"),
        oprg = k("rg"), opRG = k("RG"), opk = k("k"), opK = k("K"), opcs = k("cs"), opCS = k("CS"),
        opsc = k("sc"), opSC = k("SC"), opscn = k("scn"), opSCN = k("SCN"), opgs = k("gs"), opDo = k("Do")

    private mutating func execute(_ run: ArraySlice<UInt8>, _ operands: [Operand], resources: [String: PDFObject]) throws(Failure) {
        let op = Self.key(run)
        var numbers: [Double] {
            operands.compactMap { if case .number(let v) = $0 { return v } else { return nil } }
        }
        switch op {
        case Self.opq:
            guard saved.count < limits.stateDepth else { throw .tooComplex }
            saved.append(state)
        case Self.opQ:
            if let s = saved.popLast() { state = s }
        case Self.opcm:
            let v = numbers
            guard v.count >= 6 else { return }
            let m = Matrix(a: v[v.count - 6], b: v[v.count - 5], c: v[v.count - 4], d: v[v.count - 3], e: v[v.count - 2], f: v[v.count - 1])
            let ctm = m.concatenating(state.ctm)
            if [ctm.a, ctm.b, ctm.c, ctm.d, ctm.e, ctm.f].allSatisfy({ $0.isFinite }) { state.ctm = ctm }
        case Self.opw:
            if let v = numbers.last, v.isFinite, v >= 0 { state.lineWidth = v }
        case Self.opm:
            let v = numbers
            guard v.count >= 2 else { return }
            subpathStart = path.count
            add(v[v.count - 2], v[v.count - 1], kind: 0)
        case Self.opl:
            let v = numbers
            guard v.count >= 2 else { return }
            if subpathStart < 0 { subpathStart = path.count; add(v[v.count - 2], v[v.count - 1], kind: 0) }
            add(v[v.count - 2], v[v.count - 1], kind: 1)
        case Self.opc, Self.opv, Self.opy:
            let v = numbers
            let need = op == Self.opc ? 6 : 4
            guard v.count >= need, subpathStart >= 0 else { return }
            let t = v.suffix(need).map { $0 }
            for j in stride(from: 0, to: need - 2, by: 2) { add(t[j], t[j + 1], kind: 2) }
            add(t[need - 2], t[need - 1], kind: 3)
        case Self.oph:
            if subpathStart >= 0 { closedSubpaths.insert(subpathStart) }
        case Self.opre:
            let v = numbers
            guard v.count >= 4 else { return }
            let x = v[v.count - 4], y = v[v.count - 3], w = v[v.count - 2], h = v[v.count - 1]
            subpathStart = path.count
            add(x, y, kind: 0)
            add(x + w, y, kind: 1)
            add(x + w, y + h, kind: 1)
            add(x, y + h, kind: 1)
            closedSubpaths.insert(subpathStart)
        case Self.opS: try paint(stroke: true, fill: false)
        case Self.ops:
            if subpathStart >= 0 { closedSubpaths.insert(subpathStart) }
            try paint(stroke: true, fill: false)
        case Self.opf, Self.opF, Self.opfStar: try paint(stroke: false, fill: true)
        case Self.opB, Self.opBStar: try paint(stroke: true, fill: true)
        case Self.opb, Self.opbStar:
            if subpathStart >= 0 { closedSubpaths.insert(subpathStart) }
            try paint(stroke: true, fill: true)
        case Self.opn: try paint(stroke: false, fill: false)
        case Self.opW, Self.opWStar: pendingClip = true
        case Self.opg:
            state.fillSpace = .gray; state.fillLuma = ColourSpace.gray.luma(numbers)
        case Self.opG:
            state.strokeSpace = .gray; state.strokeLuma = ColourSpace.gray.luma(numbers)
        case Self.oprg:
            state.fillSpace = .rgb; state.fillLuma = ColourSpace.rgb.luma(Array(numbers.suffix(3)))
        case Self.opRG:
            state.strokeSpace = .rgb; state.strokeLuma = ColourSpace.rgb.luma(Array(numbers.suffix(3)))
        case Self.opk:
            state.fillSpace = .cmyk; state.fillLuma = ColourSpace.cmyk.luma(Array(numbers.suffix(4)))
        case Self.opK:
            state.strokeSpace = .cmyk; state.strokeLuma = ColourSpace.cmyk.luma(Array(numbers.suffix(4)))
        case Self.opcs, Self.opCS:
            guard case .name(let name)? = operands.last else { return }
            let space = ColourSpace.named(name, resources: resources, file: file)
            if op == Self.opcs { state.fillSpace = space; state.fillLuma = space.initialLuma } else { state.strokeSpace = space; state.strokeLuma = space.initialLuma }
        case Self.opsc, Self.opscn:
            if case .name? = operands.last { state.fillLuma = nil } else { state.fillLuma = state.fillSpace.luma(numbers) }
        case Self.opSC, Self.opSCN:
            if case .name? = operands.last { state.strokeLuma = nil } else { state.strokeLuma = state.strokeSpace.luma(numbers) }
        case Self.opgs:
            guard case .name(let name)? = operands.last,
                  let gs = resources["ExtGState"].map(file.resolve)?.dictionary?[name].map(file.resolve)?.dictionary else { return }
            if let lw = gs["LW"].map(file.resolve)?.number, lw.isFinite, lw >= 0 { state.lineWidth = lw }
        case Self.opDo:
            guard case .name(let name)? = operands.last else { return }
            try drawXObject(name, resources: resources)
        default:
            break
        }
    }

    private mutating func add(_ x: Double, _ y: Double, kind: UInt8) {
        guard x.isFinite, y.isFinite, path.count < 1_000_000 else { return }
        let p = state.ctm.apply(x, y)
        guard p.x.isFinite, p.y.isFinite else { return }
        path.append(PathPoint(x: p.x, y: p.y, kind: kind))
    }

    // MARK: painting

    private mutating func paint(stroke: Bool, fill: Bool) throws(Failure) {
        defer {
            path.removeAll(keepingCapacity: true)
            closedSubpaths.removeAll(keepingCapacity: true)
            subpathStart = -1
            pendingClip = false
        }
        if pendingClip, let b = bounds(of: path[...]) {
            state.clip = state.clip.map { $0.intersection(b) ?? PaintedShapes.Box(x0: b.x0, y0: b.y0, x1: b.x0, y1: b.y0) } ?? b
        }
        guard stroke || fill, !path.isEmpty else { return }
        var starts: [Int] = []
        for (i, p) in path.enumerated() where p.kind == 0 { starts.append(i) }
        if starts.first != 0 { starts.insert(0, at: 0) }
        let width = state.lineWidth * state.ctm.meanScale
        for (s, start) in starts.enumerated() {
            let end = s + 1 < starts.count ? starts[s + 1] : path.count
            let sub = path[start..<end]
            if fill, sub.count >= 2, let b = bounds(of: sub) {
                shapes.fills.append(PaintedShapes.Fill(box: b, luma: state.fillLuma, clip: state.clip))
            }
            if stroke {
                var last = sub[start]
                for p in sub.dropFirst() {
                    switch p.kind {
                    case 1:
                        shapes.segments.append(PaintedShapes.Segment(x0: last.x, y0: last.y, x1: p.x, y1: p.y, width: width,
                                                                     luma: state.strokeLuma, clip: state.clip))
                        last = p
                    case 3: last = p
                    default: break
                    }
                }
                if closedSubpaths.contains(start), sub.count > 2 {
                    let first = sub[start]
                    shapes.segments.append(PaintedShapes.Segment(x0: last.x, y0: last.y, x1: first.x, y1: first.y, width: width,
                                                                 luma: state.strokeLuma, clip: state.clip))
                }
            }
        }
        guard shapes.segments.count + shapes.fills.count <= limits.shapes else { throw .tooComplex }
    }

    private func bounds(of points: ArraySlice<PathPoint>) -> PaintedShapes.Box? {
        guard let f = points.first else { return nil }
        var b = PaintedShapes.Box(x0: f.x, y0: f.y, x1: f.x, y1: f.y)
        for p in points.dropFirst() {
            b.x0 = min(b.x0, p.x); b.x1 = max(b.x1, p.x)
            b.y0 = min(b.y0, p.y); b.y1 = max(b.y1, p.y)
        }
        return b
    }

    /// An image is the unit square of its CTM.
    private mutating func recordImage() {
        let corners = [state.ctm.apply(0, 0), state.ctm.apply(1, 0), state.ctm.apply(0, 1), state.ctm.apply(1, 1)]
        guard corners.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return }
        var b = PaintedShapes.Box(x0: corners.map(\.x).min()!, y0: corners.map(\.y).min()!, x1: corners.map(\.x).max()!, y1: corners.map(\.y).max()!)
        if let clip = state.clip { guard let i = b.intersection(clip) else { return }; b = i }
        let page = PaintedShapes.Box(x0: 0, y0: 0, x1: shapes.width, y1: shapes.height)
        guard let visible = b.intersection(page), shapes.images.count < 10_000 else { return }
        shapes.images.append(visible)
    }

    private mutating func drawXObject(_ name: String, resources: [String: PDFObject]) throws(Failure) {
        guard let ref = resources["XObject"].map(file.resolve)?.dictionary?[name] else { return }
        let object = file.resolve(ref)
        guard let dict = object.dictionary else { return }
        switch dict["Subtype"].map(file.resolve)?.name {
        case "Image":
            recordImage()
        case "Form":
            guard formDepth < limits.formDepth else { throw .tooComplex }
            let data: [UInt8]
            if case .reference(let number, _) = ref, let cached = forms[number] {
                data = cached
            } else {
                guard let (_, decoded) = file.streamData(ref) else { throw .undecodable }
                formBytesLeft -= decoded.count
                guard formBytesLeft >= 0 else { throw .tooComplex }
                if case .reference(let number, _) = ref { forms[number] = decoded }
                data = decoded
            }
            let saveState = state, savePath = path, saveClosed = closedSubpaths, saveStart = subpathStart, saveStack = saved.count
            if let m = dict["Matrix"].map(file.resolve)?.array?.compactMap({ file.resolve($0).number }), m.count == 6,
               m.allSatisfy({ $0.isFinite }) {
                state.ctm = Matrix(a: m[0], b: m[1], c: m[2], d: m[3], e: m[4], f: m[5]).concatenating(state.ctm)
            }
            if let bbox = dict["BBox"].flatMap(file.rectangle) {
                path.removeAll(); closedSubpaths.removeAll()
                subpathStart = 0
                add(bbox.x0, bbox.y0, kind: 0); add(bbox.x1, bbox.y0, kind: 1); add(bbox.x1, bbox.y1, kind: 1); add(bbox.x0, bbox.y1, kind: 1)
                pendingClip = true
                try paint(stroke: false, fill: false)
            }
            path.removeAll(); closedSubpaths.removeAll(); subpathStart = -1
            formDepth += 1
            let formResources = dict["Resources"].map(file.resolve)?.dictionary ?? resources
            try run(data, resources: formResources)
            formDepth -= 1
            state = saveState; path = savePath; closedSubpaths = saveClosed; subpathStart = saveStart
            if saved.count > saveStack { saved.removeLast(saved.count - saveStack) }
        default:
            break
        }
    }
}
