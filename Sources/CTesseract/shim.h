#ifndef GONGKAI_CTESSERACT_SHIM_H
#define GONGKAI_CTESSERACT_SHIM_H
// Tesseract's C API (libtesseract-dev): the only OCR surface gongkai uses; OCRKit owns its pointers.
#include <tesseract/capi.h>
#endif
