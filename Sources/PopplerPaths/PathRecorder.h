// An OutputDev that records what a page paints (see PopplerPaths.h) instead of drawing it.
#ifndef PATH_RECORDER_H
#define PATH_RECORDER_H
#include "PopplerPaths.h"

#include <OutputDev.h>
#include <GfxState.h>

#include <vector>

class PathRecorder : public OutputDev
{
public:
    /// Poppler's Gfx calls the abort check about once per this many operators.
    static constexpr size_t operatorsPerCheck = 10;

    PathRecorder(double width, double height) : pageWidth(width), pageHeight(height) { }

    // Device space is the displayed page in points, y down, as poppler-glib's text boxes are.
    bool upsideDown() override { return true; }
    bool useDrawChar() override { return false; }
    bool interpretType3Chars() override { return false; }
    // Shadings and tiling patterns are neither lines nor fills of a colour: do not let Gfx
    // break them into thousands of small fills.
    bool useTilingPatternFill() override { return true; }
    bool useShadedFills(int /*type*/) override { return true; }
    bool tilingPatternFill(GfxState *, Gfx *, Catalog *, GfxTilingPattern *, const double *, int, int, int, int, double, double) override { return true; }
    bool functionShadedFill(GfxState *, GfxFunctionShading *) override { return true; }
    bool axialShadedFill(GfxState *, GfxAxialShading *, double, double) override { return true; }
    bool radialShadedFill(GfxState *, GfxRadialShading *, double, double) override { return true; }
    bool gouraudTriangleShadedFill(GfxState *, GfxGouraudTriangleShading *) override { return true; }
    bool patchMeshShadedFill(GfxState *, GfxPatchMeshShading *) override { return true; }

    void stroke(GfxState *state) override;
    void fill(GfxState *state) override { recordFills(state); }
    void eoFill(GfxState *state) override { recordFills(state); }
    void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert, bool interpolate, bool inlineImg) override;
    void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap, bool interpolate, const int *maskColors, bool inlineImg) override;

    // Text render modes 3 (invisible) and 7 (clip only): the text layer an OCR tool lays over a
    // scanned picture. Gfx reports each `Tr` here whether or not fonts are loaded.
    void updateRender(GfxState *state) override { if (state->getRender() == 3 || state->getRender() == 7) invisibleText = true; }

    size_t shapeCount() const { return segments.size() + fills.size(); }

    bool invisibleText = false;

    std::vector<PPSegment> segments;
    std::vector<PPFill> fills;
    std::vector<PPImage> images;

private:
    double pageWidth, pageHeight;
    void recordFills(GfxState *state);
    void recordImage(GfxState *state);
};

#endif
