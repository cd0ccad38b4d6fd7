#ifndef GONGKAI_CTESSERACT_SHIM_H
#define GONGKAI_CTESSERACT_SHIM_H
// Tesseract's C API (libtesseract-dev): the only OCR surface gongkai uses; OCRKit owns its pointers.
// Types only: the library is not linked but loaded on first use (OCRKit/TesseractLibrary.swift).
#include <tesseract/capi.h>
#endif
