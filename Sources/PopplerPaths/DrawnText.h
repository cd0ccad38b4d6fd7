// An OutputDev that lists the characters a page draws, where and which way each goes (see
// pp_document_drawn_text in PopplerPaths.h).
#ifndef DRAWN_TEXT_H
#define DRAWN_TEXT_H
#include "PopplerPaths.h"

#include <OutputDev.h>
#include <GfxState.h>

#include <vector>

class Dict;
class GooString;

class DrawnTextRecorder : public OutputDev
{
public:
    // Device space is the displayed page, y down, as in PathRecorder and poppler-glib's boxes.
    bool upsideDown() override { return true; }
    // One call per character, Type 3 characters included (their procedures are not run).
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return false; }

    void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode code, int nBytes, const Unicode *u, int uLen) override;
    // A marked-content span's /ActualText stands for the characters drawn in it (Chromium gives
    // each glyph its ideograph so, where the font's ToUnicode says a Kangxi radical), as in
    // Poppler's own text.
    void beginActualText(GfxState *state, const GooString *text) override;
    void endActualText(GfxState *state) override;

    std::vector<PPDrawnChar> chars;
    /// A page listing more characters than this is past reading.
    static constexpr size_t maxChars = 200000;

private:
    int actualTextDepth = 0;
    std::vector<unsigned int> actualText;
    size_t actualTextStart = 0;
};

/// Whether `resources`, or those of a form XObject it draws (to a few levels), holds a Type 3 font.
bool resourcesHoldType3Font(Dict *resources);

#endif
