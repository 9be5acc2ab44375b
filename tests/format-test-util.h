/* format-test-util.h: what the format readers' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-format.h"

G_BEGIN_DECLS

gboolean        format_test_read        (const BylineFormat         *format,
                                         const char                 *path,
                                         BylineProblems             *warnings,
                                         GPtrArray                 **docs,
                                         GError                    **error);
GPtrArray      *format_test_read_ok     (const BylineFormat         *format,
                                         const char                 *path,
                                         BylineProblems             *warnings,
                                         guint                       expected);
char           *format_test_temp_file   (const char                 *name,
                                         const char                 *contents,
                                         gssize                      len);
void            format_test_remove_temp (const char                 *path);
char           *format_test_make_dir    (void);
void            format_test_remove_dir  (const char                 *dir);
char           *format_test_read_text   (const char                 *path);
BylineDocument *format_test_load_sample (void);
char           *format_test_write_docs  (const BylineFormat         *format,
                                         const char                 *dir,
                                         const char                 *name,
                                         BylineDocument            **docs,
                                         guint                       n,
                                         const BylineFormatOptions  *options);

G_END_DECLS
