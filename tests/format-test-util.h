/* format-test-util.h: what the format readers' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-format.h"

G_BEGIN_DECLS

/* “Family 👨‍👩‍👧 time,” said  Zoë (e + U+0308) in 北京.CRLF TAB The
 * US-China café (e + U+0301) — opened 😀 today   (no final newline) */
#define FORMAT_TEST_ADVERSARIAL \
  "\xe2\x80\x9c" "Family \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 time," \
  "\xe2\x80\x9d said  Zoe\xcc\x88 in \xe5\x8c\x97\xe4\xba\xac.\r\n\tThe US-China cafe\xcc\x81 " \
  "\xe2\x80\x94 opened \xf0\x9f\x98\x80 today"

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
BylineDocument   *format_test_new_doc   (const char                 *id,
                                         const char                 *text);
BylineAnnotation *format_test_add       (BylineDocument             *doc,
                                         const char                 *layer,
                                         const char                 *label,
                                         guint                       start,
                                         guint                       end);
guint             format_test_at        (const char                 *text,
                                         const char                 *needle);

G_END_DECLS
