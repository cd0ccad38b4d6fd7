// zlib's inflate, for the Flate-compressed streams PDFContent reads.
#include <zlib.h>
