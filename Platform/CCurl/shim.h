#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, and Swift cannot call C variadic
// functions. Each wrapper fixes the argument type, so the compiler checks what Swift passes.

static inline CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

// libcurl copies string options (since 7.17.0), so the Swift string may be freed afterwards.
static inline CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

// For options that keep the pointer (CURLOPT_READDATA, CURLOPT_DEBUGDATA, CURLOPT_ERRORBUFFER):
// the memory must outlive curl_easy_perform.
static inline CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

// Not copied either: free the list only after curl_easy_cleanup.
static inline CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

static inline CURLcode ccurl_setopt_read_function(CURL *handle, curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode ccurl_setopt_debug_function(CURL *handle, curl_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

static inline CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

// CURL_GLOBAL_DEFAULT is a macro built from other macros, which Swift does not import.
static inline CURLcode ccurl_global_init_default(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

// CURL_ERROR_SIZE as a typed constant: the buffer handed to CURLOPT_ERRORBUFFER needs this many bytes.
static inline size_t ccurl_error_size(void) {
    return CURL_ERROR_SIZE;
}

// CURL_READFUNC_ABORT is a macro too; returning it from the read callback stops the transfer.
static inline size_t ccurl_readfunc_abort(void) {
    return CURL_READFUNC_ABORT;
}

#endif
