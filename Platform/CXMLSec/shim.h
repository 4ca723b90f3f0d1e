#include <stdint.h>
#ifndef UCNV_H
#define UCNV_H 1
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif
#define XMLSEC_NO_SIZE_T 1
#define XMLSEC_CRYPTO_OPENSSL 1
#define XMLSEC_NO_GOST 1
#define XMLSEC_NO_GOST2012 1
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#define XMLSEC_OPENSSL3_ENGINES 1
#include <xmlsec/xmlsec.h>
