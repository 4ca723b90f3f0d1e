#include <stdint.h>
#ifndef UCNV_H
#define UCNV_H 1
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif
#include <libxml/parser.h>
