/// The colour spaces a content stream can select, reduced to how dark a colour is.
///
/// Only lightness matters for telling a black border from a white cell background, so every
/// colour becomes one luma value (0 black … 1 white); a pattern or an indexed colour, whose
/// lightness is not known without more work, is `nil`.
enum ColourSpace: Equatable {
    case gray, rgb, cmyk, lab
    /// A spot colour (Separation or DeviceN): tint 1 is full ink.
    case separation
    /// An ICC-based space, by its number of components.
    case components(Int)
    case indexed, pattern

    /// Resolves a colour space operand (`/DeviceRGB`, or a name in the /ColorSpace resources).
    static func named(_ name: String, resources: [String: PDFObject], file: PDFFile) -> ColourSpace {
        switch name {
        case "DeviceGray", "G", "CalGray": return .gray
        case "DeviceRGB", "RGB", "CalRGB": return .rgb
        case "DeviceCMYK", "CMYK": return .cmyk
        case "Pattern": return .pattern
        case "Indexed", "I": return .indexed
        default:
            guard let spaces = resources["ColorSpace"].map(file.resolve)?.dictionary, let entry = spaces[name] else { return .gray }
            return from(file.resolve(entry), file: file, depth: 0)
        }
    }

    static func from(_ object: PDFObject, file: PDFFile, depth: Int) -> ColourSpace {
        if let n = object.name { return named(n, resources: [:], file: file) }
        guard depth < 4, let a = object.array, let family = a.first.map(file.resolve)?.name else { return .gray }
        switch family {
        case "ICCBased":
            let n = a.count > 1 ? file.resolve(a[1]).dictionary?["N"].map(file.resolve)?.int : nil
            switch n {
            case 1: return .gray
            case 3: return .rgb
            case 4: return .cmyk
            default: return .components(n ?? 3)
            }
        case "CalGray": return .gray
        case "CalRGB": return .rgb
        case "Lab": return .lab
        case "Separation", "DeviceN": return .separation
        case "Indexed", "I": return .indexed
        case "Pattern": return .pattern
        default: return .gray
        }
    }

    /// The colour a space starts with when selected (black, or full tint).
    var initialLuma: Double? {
        switch self {
        case .indexed, .pattern: return nil
        default: return 0
        }
    }

    /// Luma of a colour given by `values` in this space.
    func luma(_ values: [Double]) -> Double? {
        func clamp(_ v: Double) -> Double { min(max(v.isFinite ? v : 0, 0), 1) }
        switch self {
        case .gray:
            return values.last.map(clamp)
        case .rgb:
            guard values.count >= 3 else { return nil }
            return 0.299 * clamp(values[0]) + 0.587 * clamp(values[1]) + 0.114 * clamp(values[2])
        case .cmyk:
            guard values.count >= 4 else { return nil }
            return Self.cmykLuma(values)
        case .lab:
            return values.first.map { clamp($0 / 100) }
        case .separation:
            guard !values.isEmpty else { return nil }
            return 1 - clamp(values.reduce(0, +) / Double(values.count))
        case .components(let n):
            switch n {
            case 1: return ColourSpace.gray.luma(values)
            case 4: return ColourSpace.cmyk.luma(values)
            default: return ColourSpace.rgb.luma(values)
            }
        case .indexed, .pattern:
            return nil
        }
    }

    static func cmykLuma(_ v: [Double]) -> Double {
        func clamp(_ x: Double) -> Double { min(max(x.isFinite ? x : 0, 0), 1) }
        let k = clamp(v[3])
        let r = (1 - clamp(v[0])) * (1 - k), g = (1 - clamp(v[1])) * (1 - k), b = (1 - clamp(v[2])) * (1 - k)
        return 0.299 * r + 0.587 * g + 0.114 * b
    }
}
