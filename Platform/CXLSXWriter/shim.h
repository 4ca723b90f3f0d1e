#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H

// libxlsxwriter (Debian's libxlsxwriter-dev, pkg-config `xlsxwriter`). Its pkg-config cflags carry
// no -D flags for SwiftPM to drop, its headers declare no global function-pointer variables, and
// the few macros Swift needs (LXW_ROW_MAX, LXW_COL_MAX, LXW_SHEETNAME_MAX) are plain integers,
// which Swift does import: so, unlike the other shims, this one needs no wrappers.
#include <xlsxwriter.h>

#endif
