#ifndef GONGKAI_CLIBZIP_SHIM_H
#define GONGKAI_CLIBZIP_SHIM_H
// The C surface gongkai uses from libzip: open an archive held in memory, list its members and
// read one member whole (DOCX parts; member names to tell other zip-based formats apart).
#include <zip.h>
#endif
