#ifndef GONGKAI_CLIBZIP_SHIM_H
#define GONGKAI_CLIBZIP_SHIM_H
// The C surface gongkai uses from libzip: open an archive held in memory, list its members and
// read one member whole (DOCX parts; member names to tell other zip-based formats apart).
// Headers only: WordTables.ZipLibrary loads the library with dlopen on first use (not linked).
#include <zip.h>
#endif
