// The characters of a page as its content stream draws them, for the pages where Poppler's text
// layout cannot be trusted. TextOutputDev (behind poppler-glib's text and boxes) takes a word's
// direction partly from where its glyphs' tops point; a Type 3 font whose FontMatrix is mirrored
// (Chromium's Skia writes [0.001 0 0 -0.001] and draws its glyph procedures upside down) makes it
// take text running down the page for text running up, and upside-down text for upright text: it
// then lists the characters backwards and boxes them on the wrong side of their baselines. A
// character's origin and advance do not depend on that matrix.
#include "DrawnText.h"

#include <Dict.h>
#include <GfxFont.h>
#include <Object.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>

/// The glyph's width in ems: its advance `dx, dy` (user space) taken back through the text
/// matrix, less character spacing and horizontal scaling, over the font size. -1 for vertical
/// writing and Type 3 fonts (their widths are in glyph space), and for a space (word spacing).
static double glyphWidth(GfxState *state, GfxFont *font, double dx, double dy, const Unicode *u, int uLen)
{
    if (!font || font->getType() == fontType3 || font->getWMode() != 0) {
        return -1;
    }
    if (uLen == 1 && u && u[0] == ' ') {
        return -1;
    }
    const double *tm = state->getTextMat();
    const double det = tm[0] * tm[3] - tm[1] * tm[2];
    const double size = state->getFontSize(), scaling = state->getHorizScaling();
    if (det == 0 || size == 0 || scaling == 0) {
        return -1;
    }
    const double textDx = (tm[3] * dx - tm[2] * dy) / det;
    return (textDx / scaling - state->getCharSpace()) / size;
}

void DrawnTextRecorder::drawChar(GfxState *state, double x, double y, double dx, double dy, double, double, CharCode code, int, const Unicode *u, int uLen)
{
    if (chars.size() >= maxChars) {
        return;
    }
    PPDrawnChar c {};
    state->transform(x, y, &c.x, &c.y);
    state->transformDelta(dx, dy, &c.dx, &c.dy);
    double m11 = 0, m12 = 0, m21 = 0, m22 = 0;
    state->getFontTransMat(&m11, &m12, &m21, &m22);
    c.size = std::sqrt(std::fabs(m11 * m22 - m12 * m21));
    if (!std::isfinite(c.x) || !std::isfinite(c.y) || !std::isfinite(c.dx) || !std::isfinite(c.dy) || !std::isfinite(c.size)) {
        return;
    }
    c.code = code;
    GfxFont *font = state->getFont().get();
    c.font_num = font ? font->getID()->num : 0;
    c.font_gen = font ? font->getID()->gen : 0;
    c.font_width = glyphWidth(state, font, dx, dy, u, uLen);
    if (!std::isfinite(c.font_width)) {
        c.font_width = -1;
    }
    c.unicode_count = u ? std::min(std::max(uLen, 0), 4) : 0;
    for (int i = 0; i < c.unicode_count; ++i) {
        c.unicode[i] = u[i];
    }
    chars.push_back(c);
}

namespace {

/// The scalars of a PDF text string: UTF-16BE after its byte order mark, UTF-8 after its mark
/// (PDF 2.0), else single bytes (PDFDocEncoding, read as Latin-1).
std::vector<unsigned int> textStringScalars(const std::string &s)
{
    std::vector<unsigned int> out;
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    if (s.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) {
        for (size_t i = 2; i + 1 < s.size(); i += 2) {
            unsigned int unit = (byte(i) << 8) | byte(i + 1);
            if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < s.size()) {
                unsigned int low = (byte(i + 2) << 8) | byte(i + 3);
                if (low >= 0xDC00 && low < 0xE000) {
                    out.push_back(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                    i += 2;
                    continue;
                }
            }
            out.push_back(unit);
        }
    } else if (s.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
        for (size_t i = 3; i < s.size();) {
            unsigned int b = byte(i);
            int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
            unsigned int scalar = extra == 0 ? b : b & (0x3F >> extra);
            for (int k = 1; k <= extra && i + k < s.size(); ++k) {
                scalar = (scalar << 6) | (byte(i + k) & 0x3F);
            }
            out.push_back(scalar);
            i += extra + 1;
        }
    } else {
        for (size_t i = 0; i < s.size(); ++i) {
            out.push_back(byte(i));
        }
    }
    return out;
}

} // namespace

void DrawnTextRecorder::beginActualText(GfxState *, const GooString *text)
{
    if (actualTextDepth++ == 0) {
        actualText = text ? textStringScalars(text->toStr()) : std::vector<unsigned int> {};
        actualTextStart = chars.size();
    }
}

/// The characters drawn in the span give way to its text, one character per scalar, sharing the
/// span's advance from the first origin to the end of the last advance.
void DrawnTextRecorder::endActualText(GfxState *)
{
    if (actualTextDepth == 0 || --actualTextDepth > 0 || actualTextStart >= chars.size()) {
        return;
    }
    const PPDrawnChar first = chars[actualTextStart], last = chars.back();
    chars.resize(actualTextStart);
    const double n = static_cast<double>(actualText.size());
    const double dx = last.x + last.dx - first.x, dy = last.y + last.dy - first.y;
    for (size_t k = 0; k < actualText.size() && chars.size() < maxChars; ++k) {
        PPDrawnChar c = first;
        c.x = first.x + dx * k / n;
        c.y = first.y + dy * k / n;
        c.dx = dx / n;
        c.dy = dy / n;
        c.unicode[0] = actualText[k];
        c.unicode_count = 1;
        // The text is the span's, not a glyph's: no font code stands for it.
        c.font_num = -1;
        c.font_width = -1;
        chars.push_back(c);
    }
}

namespace {

/// Bounds on the walk through nested forms: a hostile file may nest or share them without end.
constexpr int maxDepth = 4;
constexpr size_t maxForms = 2000;

struct FontWalk {
    std::set<std::pair<int, int>> seen;

    bool holdsType3(Dict *resources, int depth)
    {
        Object fonts = resources->lookup("Font");
        if (fonts.isDict()) {
            for (int i = 0; i < fonts.dictGetLength(); ++i) {
                Object font = fonts.dictGetVal(i);
                if (font.isDict()) {
                    Object subtype = font.dictLookup("Subtype");
                    if (subtype.isName("Type3")) {
                        return true;
                    }
                }
            }
        }
        if (depth >= maxDepth) {
            return false;
        }
        Object xobjects = resources->lookup("XObject");
        if (!xobjects.isDict()) {
            return false;
        }
        for (int i = 0; i < xobjects.dictGetLength(); ++i) {
            const Object &ref = xobjects.dictGetValNF(i);
            if (ref.isRef() && !seen.insert({ ref.getRefNum(), ref.getRefGen() }).second) {
                continue;
            }
            if (seen.size() > maxForms) {
                return false;
            }
            Object xobject = xobjects.dictGetVal(i);
            if (!xobject.isStream()) {
                continue;
            }
            Dict *dict = xobject.streamGetDict();
            Object subtype = dict->lookup("Subtype");
            Object inner = dict->lookup("Resources");
            if (subtype.isName("Form") && inner.isDict() && holdsType3(inner.getDict(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
};

} // namespace

bool resourcesHoldType3Font(Dict *resources)
{
    if (!resources) {
        return false;
    }
    FontWalk walk;
    return walk.holdsType3(resources, 0);
}
