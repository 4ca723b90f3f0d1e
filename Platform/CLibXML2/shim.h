#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

#include <stdint.h>
/* Debian's libxml2 pulls in system ICU through <libxml/encoding.h>, which clashes with
   Foundation's bundled `_FoundationICU` module (two `enum UErrorCode`). libxml2 only uses
   these two names through pointers, so declaring them and the header guard is enough. */
#ifndef UCNV_H
#define UCNV_H 1
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>

/* `xmlFree` is a global function-pointer variable, which Swift 6 refuses to read from
   concurrent code; this wrapper is a plain function. */
static inline void clibxml2_free(void *pointer) {
    xmlFree(pointer);
}

#endif
