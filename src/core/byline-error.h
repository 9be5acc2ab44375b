/* byline-error.h: the one error domain of Byline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BYLINE_ERROR (byline_error_quark ())

/**
 * BylineError:
 * @BYLINE_ERROR_PARSE: the input is not well formed (JSON, HTML, UTF-8…)
 * @BYLINE_ERROR_INVALID: well formed but wrong (a missing key, a wrong type)
 * @BYLINE_ERROR_OUT_OF_RANGE: an offset or fragment outside the text
 * @BYLINE_ERROR_TEXT_MISMATCH: an annotation's text differs from its slice
 * @BYLINE_ERROR_UNSUPPORTED_VERSION: a file from a newer Byline
 * @BYLINE_ERROR_INVALID_SCHEMA: an annotation schema that cannot be used
 * @BYLINE_ERROR_UNKNOWN_ID: a reference to an id that does not exist
 * @BYLINE_ERROR_DUPLICATE_ID: two objects with one id
 * @BYLINE_ERROR_UNKNOWN_FORMAT: no reader or writer for that name or file
 * @BYLINE_ERROR_IO: reading or writing failed
 * @BYLINE_ERROR_FAILED: anything else
 */
typedef enum
{
  BYLINE_ERROR_PARSE,
  BYLINE_ERROR_INVALID,
  BYLINE_ERROR_OUT_OF_RANGE,
  BYLINE_ERROR_TEXT_MISMATCH,
  BYLINE_ERROR_UNSUPPORTED_VERSION,
  BYLINE_ERROR_INVALID_SCHEMA,
  BYLINE_ERROR_UNKNOWN_ID,
  BYLINE_ERROR_DUPLICATE_ID,
  BYLINE_ERROR_UNKNOWN_FORMAT,
  BYLINE_ERROR_IO,
  BYLINE_ERROR_FAILED,
} BylineError;

GQuark byline_error_quark (void);

G_END_DECLS
