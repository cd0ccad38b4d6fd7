#ifndef GONGKAI_CLIBXML2_SHIM_H
#define GONGKAI_CLIBXML2_SHIM_H
// The whole C surface gongkai uses from libxml2: its HTML parser (error-recovering, no network),
// the tree it builds, and the encoding handler lookup (charsets such as GB18030 go through iconv).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so encoding.h would pull the system's <unicode/*.h> into this
// module. Swift's Foundation brings its own copy of those headers (_FoundationICU) with a different
// UErrorCode, and a module that sees both (a test importing Foundation and HTMLTables) fails to
// build, depending on the order modules are built in. gongkai never touches the ICU fields of
// xmlCharEncodingHandler (it only passes handler pointers back to libxml2), so they are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#endif
