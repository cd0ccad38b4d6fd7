#ifndef POPPLER_PATHS_H
#define POPPLER_PATHS_H
// A C view of what Poppler's own content-stream interpreter (Gfx) paints on a page: stroked
// straight segments, filled subpaths as boxes, and image boxes (and, for pages with Type 3 fonts,
// the characters it draws), in the displayed page space (points, origin top left, y down). Implemented in C++ over Poppler's OutputDev; Swift sees
// only these plain structs and an opaque document.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A box in page space; x0 <= x1 and y0 <= y1 (an empty clip has x1 == x0, y1 == y0).
typedef struct { double x0, y0, x1, y1; } PPBox;

/// A straight piece of a stroked path. `has_luma` is 0 when the colour is a pattern or indexed.
typedef struct {
    double x0, y0, x1, y1, width, luma;
    int has_luma;
    PPBox clip;
} PPSegment;

/// One filled subpath, as its bounding box.
typedef struct {
    PPBox box;
    double luma;
    int has_luma;
    PPBox clip;
} PPFill;

/// An image drawn, as the box of its unit square, with the clip in force.
typedef struct {
    PPBox box;
    PPBox clip;
} PPImage;

/// Bounds on the work done for one page: painted shapes, operators (counted by Poppler's abort
/// check, which it calls every few operators) and wall-clock seconds.
typedef struct {
    size_t max_shapes;
    size_t max_operators;
    double max_seconds;
} PPLimits;

typedef enum { PP_OK = 0, PP_TOO_COMPLEX = 1, PP_NO_PAGE = 2 } PPStatus;

/// What one page paints. Free with `pp_shapes_free`.
typedef struct {
    PPSegment *segments; size_t segment_count;
    PPFill *fills; size_t fill_count;
    PPImage *images; size_t image_count;
    double width, height;
    /// 1 when the page sets text render mode 3 or 7 (invisible text, as OCR tools lay over scans).
    int sets_invisible_text;
} PPShapes;

typedef struct PPDocument PPDocument;

/// Opens the PDF in `bytes` (copied); NULL when Poppler cannot open it (damaged, or the password
/// is wrong). `password` may be NULL. Not thread-safe against other Poppler document creation.
PPDocument *pp_document_open(const unsigned char *bytes, size_t length, const char *password);
int pp_document_page_count(PPDocument *document);
/// Interprets page `index` (0-based) and fills `out`; on PP_TOO_COMPLEX `out` is empty.
/// `skip_fonts`: run the page with its /Font resources left out (no glyph is drawn here, and
/// loading fonts is most of the cost).
PPStatus pp_document_read_page(PPDocument *document, int index, PPLimits limits, int skip_fonts, PPShapes *out);
void pp_shapes_free(PPShapes *shapes);

/// One character as the content stream draws it, in the displayed page (y down): where it starts
/// on its baseline, its advance, its font size (the em, in points) and its Unicode scalars (none
/// when the font maps it to none; at most four are kept). Which glyph it is: its code in its font
/// (the CID of a CID font), the font's object number and generation (0, 0 for an inline font),
/// and the glyph's own width in ems from the font's widths (without character or word spacing;
/// -1 when the font gives none).
typedef struct {
    double x, y, dx, dy, size;
    unsigned int unicode[4];
    int unicode_count;
    unsigned int code;
    int font_num, font_gen;
    double font_width;
} PPDrawnChar;

/// The characters a page draws, in content-stream order. Free with `pp_drawn_text_free`.
typedef struct {
    PPDrawnChar *chars; size_t char_count;
} PPDrawnText;

/// 1 when page `index` draws text in a Type 3 font (its resources or its forms' hold one): the
/// fonts whose matrix can turn Poppler's text direction around (see TextAdvances.cpp).
int pp_document_page_has_type3_font(PPDocument *document, int index);
/// Interprets page `index` with its fonts and lists the characters it draws into `out`;
/// on PP_TOO_COMPLEX `out` is empty.
PPStatus pp_document_drawn_text(PPDocument *document, int index, PPLimits limits, PPDrawnText *out);
void pp_drawn_text_free(PPDrawnText *text);
void pp_document_close(PPDocument *document);

#ifdef __cplusplus
}
#endif
#endif
