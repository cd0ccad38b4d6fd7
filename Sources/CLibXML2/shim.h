#ifndef GONGKAI_CLIBXML2_SHIM_H
#define GONGKAI_CLIBXML2_SHIM_H
// The whole C surface gongkai uses from libxml2: its HTML parser (error-recovering, no network),
// the tree it builds, and the encoding handler lookup (charsets such as GB18030 go through iconv).
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#endif
