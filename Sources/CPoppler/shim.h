#ifndef GONGKAI_CPOPPLER_SHIM_H
#define GONGKAI_CPOPPLER_SHIM_H
// The whole C surface gongkai uses: poppler-glib for text and rendering,
// cairo for the raster that ruling lines are recovered from.
#include <poppler.h>
#include <cairo.h>
#include <glib.h>
#include <glib-object.h>
#endif
