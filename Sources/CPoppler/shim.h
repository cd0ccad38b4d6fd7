#ifndef GONGKAI_CPOPPLER_SHIM_H
#define GONGKAI_CPOPPLER_SHIM_H
// The whole C surface gongkai uses: poppler-glib for text and rendering,
// cairo for the raster that ruling lines are recovered from and for `inspect`'s images
// (PNG through cairo's own writer, multi-page PDF through its PDF surface).
#include <poppler.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>
#include <glib-object.h>
#include <gio/gio.h>
#endif
