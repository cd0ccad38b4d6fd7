#include "PathRecorder.h"

#include <algorithm>
#include <cmath>

namespace {

double clamp01(double v)
{
    return std::isfinite(v) ? std::min(std::max(v, 0.0), 1.0) : 0.0;
}

double rgbLuma(double r, double g, double b)
{
    return 0.299 * clamp01(r) + 0.587 * clamp01(g) + 0.114 * clamp01(b);
}

/// How dark a colour is, 0 (black) … 1 (white), from its components in its own space — only
/// lightness matters for telling a border from a cell background. False for a pattern or an
/// indexed colour, whose lightness is not known without more work.
bool luma(GfxColorSpace *space, const GfxColor *color, double *out)
{
    const int n = space->getNComps();
    auto c = [&](int i) { return colToDbl(color->c[i]); };
    auto cmyk = [&]() {
        double k = clamp01(c(3));
        return rgbLuma((1 - clamp01(c(0))) * (1 - k), (1 - clamp01(c(1))) * (1 - k), (1 - clamp01(c(2))) * (1 - k));
    };
    switch (space->getMode()) {
    case csDeviceGray:
    case csCalGray:
        *out = clamp01(c(0));
        return true;
    case csDeviceRGB:
    case csCalRGB:
        *out = rgbLuma(c(0), c(1), c(2));
        return true;
    case csDeviceCMYK:
        *out = cmyk();
        return true;
    case csLab:
        *out = clamp01(c(0) / 100);
        return true;
    case csICCBased:
        *out = n == 1 ? clamp01(c(0)) : n == 4 ? cmyk() : n >= 3 ? rgbLuma(c(0), c(1), c(2)) : clamp01(c(0));
        return true;
    case csSeparation:
    case csDeviceN: {
        double sum = 0;
        for (int i = 0; i < n; ++i) {
            sum += c(i);
        }
        *out = n > 0 ? 1 - clamp01(sum / n) : 0;
        return n > 0;
    }
    case csIndexed:
    case csPattern:
        return false;
    }
    return false;
}

/// The clip in force, in device space; an empty clip is a box of no size.
PPBox clipBox(const GfxState *state)
{
    PPBox b;
    state->getClipBBox(&b.x0, &b.y0, &b.x1, &b.y1);
    b.x1 = std::max(b.x1, b.x0);
    b.y1 = std::max(b.y1, b.y0);
    return b;
}

struct Point {
    double x, y;
};

Point device(GfxState *state, double x, double y)
{
    Point p;
    state->transform(x, y, &p.x, &p.y);
    return p;
}

bool finite(Point p)
{
    return std::isfinite(p.x) && std::isfinite(p.y);
}

} // namespace

void PathRecorder::stroke(GfxState *state)
{
    const GfxPath *path = state->getPath();
    const double *m = state->getCTM();
    const double width = state->getLineWidth() * std::sqrt(std::fabs(m[0] * m[3] - m[1] * m[2]));
    PPSegment segment {};
    segment.width = width;
    segment.has_luma = luma(state->getStrokeColorSpace(), state->getStrokeColor(), &segment.luma);
    segment.clip = clipBox(state);
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
        const GfxSubpath *sub = path->getSubpath(s);
        const int n = sub->getNumPoints();
        if (n < 2) {
            continue;
        }
        Point last = device(state, sub->getX(0), sub->getY(0));
        for (int i = 1; i < n;) {
            if (sub->getCurve(i)) {
                // Two control points, then the curve's end: curves are not borders.
                const int end = std::min(i + 2, n - 1);
                last = device(state, sub->getX(end), sub->getY(end));
                i += 3;
                continue;
            }
            Point p = device(state, sub->getX(i), sub->getY(i));
            if (finite(last) && finite(p)) {
                segment.x0 = last.x; segment.y0 = last.y; segment.x1 = p.x; segment.y1 = p.y;
                segments.push_back(segment);
            }
            last = p;
            i += 1;
        }
    }
}

void PathRecorder::recordFills(GfxState *state)
{
    const GfxPath *path = state->getPath();
    PPFill fill {};
    fill.has_luma = luma(state->getFillColorSpace(), state->getFillColor(), &fill.luma);
    fill.clip = clipBox(state);
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
        const GfxSubpath *sub = path->getSubpath(s);
        if (sub->getNumPoints() < 2) {
            continue;
        }
        bool first = true;
        for (int i = 0; i < sub->getNumPoints(); ++i) {
            Point p = device(state, sub->getX(i), sub->getY(i));
            if (!finite(p)) {
                continue;
            }
            if (first) {
                fill.box = PPBox { p.x, p.y, p.x, p.y };
                first = false;
            }
            fill.box.x0 = std::min(fill.box.x0, p.x); fill.box.x1 = std::max(fill.box.x1, p.x);
            fill.box.y0 = std::min(fill.box.y0, p.y); fill.box.y1 = std::max(fill.box.y1, p.y);
        }
        if (!first) {
            fills.push_back(fill);
        }
    }
}

/// An image fills the unit square of the CTM.
void PathRecorder::recordImage(GfxState *state)
{
    if (images.size() >= 10000) {
        return;
    }
    Point corners[4] = { device(state, 0, 0), device(state, 1, 0), device(state, 0, 1), device(state, 1, 1) };
    PPImage image { { corners[0].x, corners[0].y, corners[0].x, corners[0].y }, clipBox(state) };
    for (const Point &p : corners) {
        if (!finite(p)) {
            return;
        }
        image.box.x0 = std::min(image.box.x0, p.x); image.box.x1 = std::max(image.box.x1, p.x);
        image.box.y0 = std::min(image.box.y0, p.y); image.box.y1 = std::max(image.box.y1, p.y);
    }
    images.push_back(image);
}

// The base class reads past an inline image's data; it must still do so.
void PathRecorder::drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert, bool interpolate, bool inlineImg)
{
    recordImage(state);
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
}

void PathRecorder::drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap, bool interpolate, const int *maskColors, bool inlineImg)
{
    recordImage(state);
    OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
}
