/// Clusters nearly equal coordinates into one boundary each (their mean), sorted ascending.
enum Snapping {
    static func cluster(_ values: [Double], tolerance: Double) -> [Double] {
        let sorted = values.sorted()
        var out: [Double] = []
        var group: [Double] = []
        for v in sorted {
            if let last = group.last, v - last > tolerance {
                out.append(group.reduce(0, +) / Double(group.count))
                group = []
            }
            group.append(v)
        }
        if !group.isEmpty { out.append(group.reduce(0, +) / Double(group.count)) }
        return out
    }

    /// Index `i` such that `edges[i] <= v < edges[i+1]`, or nil outside.
    static func slot(of v: Double, in edges: [Double]) -> Int? {
        guard let first = edges.first, let last = edges.last, v >= first, v <= last, edges.count >= 2 else { return nil }
        var lo = 0, hi = edges.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if edges[mid] <= v { lo = mid } else { hi = mid }
        }
        return lo
    }
}
