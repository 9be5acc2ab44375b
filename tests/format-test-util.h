/* format-test-util.h: what the format readers' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-format.h"

G_BEGIN_DECLS

gboolean   format_test_read      (const BylineFormat  *format,
                                  const char          *path,
                                  BylineProblems      *warnings,
                                  GPtrArray          **docs,
                                  GError             **error);
GPtrArray *format_test_read_ok   (const BylineFormat  *format,
                                  const char          *path,
                                  BylineProblems      *warnings,
                                  guint                expected);
char      *format_test_temp_file (const char          *name,
                                  const char          *contents,
                                  gssize               len);
void       format_test_remove_temp (const char        *path);

G_END_DECLS
