#ifndef CXMLSEC_OPENSSL_HELPERS_H
#define CXMLSEC_OPENSSL_HELPERS_H

/* Reading certificates needs a few OpenSSL calls that are macros (stack and BIO helpers,
   OPENSSL_free, name-printing flags); Swift does not import macros, so they are wrapped. */

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>

/* The bytes written so far into a memory BIO; they stay owned by the BIO. */
static inline long cxmlsec_bio_contents(BIO *bio, const char **bytes) {
    char *pointer = NULL;
    long length = BIO_get_mem_data(bio, &pointer);
    *bytes = pointer;
    return length;
}

static inline void cxmlsec_openssl_free(void *pointer) {
    OPENSSL_free(pointer);
}

static inline void cxmlsec_free_certificate_stack(STACK_OF(X509) *stack) {
    sk_X509_pop_free(stack, X509_free);
}

/* RFC 2253 text ("CN=...,O=...") that keeps UTF-8 as is instead of escaping it as \XX. */
static inline int cxmlsec_print_name(BIO *bio, const X509_NAME *name) {
    unsigned long flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
    return X509_NAME_print_ex(bio, name, 0, flags);
}

#endif
