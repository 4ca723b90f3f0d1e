#ifndef CXMLSEC_SHIM_H
#define CXMLSEC_SHIM_H

#include <stdint.h>
/* Same ICU guard as CLibXML2/shim.h: xmlsec includes libxml2, whose <libxml/encoding.h>
   would otherwise bring system ICU into a module that also sees Foundation's ICU. */
#ifndef UCNV_H
#define UCNV_H 1
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif

/* SwiftPM drops -D flags from pkg-config, so the ones from `pkg-config --cflags
   xmlsec1-openssl` are repeated here. XMLSEC_NO_SIZE_T changes the ABI (xmlSecSize is an
   unsigned int): if the base OS changes, compare these with pkg-config's output again. */
#define XMLSEC_NO_SIZE_T 1
#define XMLSEC_CRYPTO_OPENSSL 1
#define XMLSEC_NO_GOST 1
#define XMLSEC_NO_GOST2012 1
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#define XMLSEC_OPENSSL3_ENGINES 1

#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/templates.h>
#include <xmlsec/keysmngr.h>
#include <xmlsec/errors.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>

#include "openssl_helpers.h"

#endif
