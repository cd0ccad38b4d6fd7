// Paths through Poppler's own content-stream interpreter: a second PDFDoc over the same bytes
// (poppler-glib keeps its PDFDoc private) and an OutputDev that records, instead of drawing,
// what each paint operator paints. Nothing is rasterised and no glyph is drawn.
#include "PopplerPaths.h"
#include "PathRecorder.h"
#include "DrawnText.h"

#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Gfx.h>
#include <Stream.h>
#include <glib/poppler-features.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

struct PPDocument {
    /// The bytes the MemStream reads; they must outlive the PDFDoc.
    std::vector<char> bytes;
    std::unique_ptr<PDFDoc> doc;
};

namespace {

/// A null Object (its constructor became private in 25.05).
Object nullObject()
{
#if POPPLER_CHECK_VERSION(25, 5, 0)
    return Object::null();
#else
    return Object(objNull);
#endif
}

/// What Poppler's abort check sees: the limits and how far the page has come.
struct Budget {
    PPLimits limits;
    size_t checks = 0;
    std::chrono::steady_clock::time_point deadline;
    /// The recorder whose shapes count against `limits.max_shapes`; null when none is kept.
    const PathRecorder *recorder;
    bool exceeded = false;
};

/// Poppler calls this every few operators; true stops the interpretation.
bool overBudget(void *data)
{
    auto *budget = static_cast<Budget *>(data);
    budget->checks += 1;
    if ((budget->recorder && budget->recorder->shapeCount() > budget->limits.max_shapes) || budget->checks * PathRecorder::operatorsPerCheck > budget->limits.max_operators
        || ((budget->checks & 63) == 0 && std::chrono::steady_clock::now() > budget->deadline)) {
        budget->exceeded = true;
    }
    return budget->exceeded;
}

/// The page's resources without /Font, so that Gfx does not load fonts it will not draw.
Object resourcesWithoutFonts(Page *page, XRef *xref)
{
    Dict *resources = page->getResourceDict();
    if (!resources) {
        return nullObject();
    }
#if POPPLER_CHECK_VERSION(26, 3, 0)
    Object copy(resources->copy(xref).release());
#else
    Object copy(resources->copy(xref));
#endif
    copy.dictRemove("Font");
    return copy;
}

/// Runs the page's content streams through Gfx into `recorder` (annotations are not drawn).
void interpret(PDFDoc *doc, Page *page, int pageNumber, bool skipFonts, OutputDev &recorder, Budget &budget)
{
    PDFRectangle box;
    bool crop = false;
    page->makeBox(72, 72, 0, false, recorder.upsideDown(), -1, -1, -1, -1, &box, &crop);
    Object resources = skipFonts ? resourcesWithoutFonts(page, doc->getXRef()) : nullObject();
    Dict *resourceDict = resources.isDict() ? resources.getDict() : page->getResourceDict();
    int rotate = page->getRotate();
    Gfx gfx(doc, &recorder, pageNumber, resourceDict, 72, 72, &box, crop ? page->getCropBox() : nullptr, rotate, overBudget, &budget);
    Object contents = page->getContents();
    if (!contents.isNull()) {
        gfx.saveState();
        gfx.display(&contents);
        gfx.restoreState();
    }
}

template<typename T>
T *copyOut(const std::vector<T> &items)
{
    if (items.empty()) {
        return nullptr;
    }
    T *out = static_cast<T *>(std::malloc(items.size() * sizeof(T)));
    if (out) {
        std::memcpy(out, items.data(), items.size() * sizeof(T));
    }
    return out;
}

} // namespace

extern "C" PPDocument *pp_document_open(const unsigned char *bytes, size_t length, const char *password)
{
    if (!globalParams) {
        globalParams = std::make_unique<GlobalParams>();
    }
    auto document = std::make_unique<PPDocument>();
    document->bytes.assign(reinterpret_cast<const char *>(bytes), reinterpret_cast<const char *>(bytes) + length);
    std::optional<GooString> secret;
    if (password) {
        secret = GooString(password);
    }
    auto *stream = new MemStream(document->bytes.data(), 0, static_cast<Goffset>(length), nullObject());
#if POPPLER_CHECK_VERSION(26, 2, 0)
    document->doc = std::make_unique<PDFDoc>(std::unique_ptr<BaseStream>(stream), secret, secret);
#else
    document->doc = std::make_unique<PDFDoc>(stream, secret, secret);
#endif
    if (!document->doc->isOk()) {
        return nullptr;
    }
    return document.release();
}

extern "C" int pp_document_page_count(PPDocument *document)
{
    return document->doc->getNumPages();
}

extern "C" PPStatus pp_document_read_page(PPDocument *document, int index, PPLimits limits, int skip_fonts, PPShapes *out)
{
    *out = PPShapes {};
    PDFDoc *doc = document->doc.get();
    if (index < 0 || index >= doc->getNumPages()) {
        return PP_NO_PAGE;
    }
    Page *page = doc->getPage(index + 1);
    if (!page || !page->isOk()) {
        return PP_NO_PAGE;
    }
    bool turned = page->getRotate() == 90 || page->getRotate() == 270;
    out->width = turned ? page->getCropHeight() : page->getCropWidth();
    out->height = turned ? page->getCropWidth() : page->getCropHeight();
    PathRecorder recorder(out->width, out->height);
    Budget budget { limits, 0, std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(limits.max_seconds)), &recorder };
    interpret(doc, page, index + 1, skip_fonts != 0, recorder, budget);
    if (budget.exceeded || recorder.shapeCount() > limits.max_shapes) {
        return PP_TOO_COMPLEX;
    }
    out->segments = copyOut(recorder.segments);
    out->segment_count = out->segments ? recorder.segments.size() : 0;
    out->fills = copyOut(recorder.fills);
    out->fill_count = out->fills ? recorder.fills.size() : 0;
    out->images = copyOut(recorder.images);
    out->image_count = out->images ? recorder.images.size() : 0;
    out->sets_invisible_text = recorder.invisibleText ? 1 : 0;
    return PP_OK;
}

/// The page at 0-based `index`, or null.
static Page *pageAt(PDFDoc *doc, int index)
{
    if (index < 0 || index >= doc->getNumPages()) {
        return nullptr;
    }
    Page *page = doc->getPage(index + 1);
    return page && page->isOk() ? page : nullptr;
}

extern "C" int pp_document_page_has_type3_font(PPDocument *document, int index)
{
    Page *page = pageAt(document->doc.get(), index);
    return page && resourcesHoldType3Font(page->getResourceDict()) ? 1 : 0;
}

extern "C" PPStatus pp_document_drawn_text(PPDocument *document, int index, PPLimits limits, PPDrawnText *out)
{
    *out = PPDrawnText {};
    Page *page = pageAt(document->doc.get(), index);
    if (!page) {
        return PP_NO_PAGE;
    }
    DrawnTextRecorder recorder;
    Budget budget { limits, 0, std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(limits.max_seconds)), nullptr };
    interpret(document->doc.get(), page, index + 1, false, recorder, budget);
    if (budget.exceeded || recorder.chars.size() >= DrawnTextRecorder::maxChars) {
        return PP_TOO_COMPLEX;
    }
    out->chars = copyOut(recorder.chars);
    out->char_count = out->chars ? recorder.chars.size() : 0;
    return PP_OK;
}

extern "C" void pp_drawn_text_free(PPDrawnText *text)
{
    std::free(text->chars);
    *text = PPDrawnText {};
}

extern "C" void pp_shapes_free(PPShapes *shapes)
{
    std::free(shapes->segments);
    std::free(shapes->fills);
    std::free(shapes->images);
    *shapes = PPShapes {};
}

extern "C" void pp_document_close(PPDocument *document)
{
    delete document;
}
