/* byline-native-scan.h: the fast .byline.json reader, and what it shares
 * with the tree reader in byline-native.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to src/core and its tests.
 */
#pragma once

#include "byline-document.h"
#include "byline-json-stream.h"
#include "byline-problems.h"
#include "byline-schema.h"

G_BEGIN_DECLS

/* Deeper JSON is refused: JSON-GLib 1.6 has no limit and overflows the
 * stack on a file of ~60,000 "[" (1.10 stops at 1024). The same limit as
 * Byline's other JSON readers. */
#define BYLINE_NATIVE_SCAN_MAX_DEPTH BYLINE_JSON_MAX_DEPTH

/* What the tree reader refuses before JSON-GLib reads a file. */
typedef enum
{
  BYLINE_NATIVE_PRECHECK_OK,
  BYLINE_NATIVE_PRECHECK_TOO_DEEP,
  BYLINE_NATIVE_PRECHECK_LONE_SURROGATE,
  BYLINE_NATIVE_PRECHECK_NUL,
} BylineNativePrecheck;

/* byline-native-scan.c */
BylineDocument *_byline_native_scan            (const char      *data,
                                                gsize            len,
                                                BylineSchema    *schema,
                                                BylineProblems  *problems);

/* byline-json-scan.c */
BylineNativePrecheck _byline_native_scan_precheck (const char *data,
                                                   gsize       len,
                                                   guint      *line,
                                                   guint      *column,
                                                   gunichar   *unit);
gsize           _byline_native_scan_utf8_char  (const guchar    *p,
                                                gsize            avail);

/* byline-native.c */
BylineDocument *_byline_native_load_tree       (const char      *data,
                                                gsize            len,
                                                const char      *filename,
                                                BylineSchema    *schema,
                                                BylineProblems  *problems,
                                                GError         **error);
BylineSchema   *_byline_native_choose_schema   (BylineDocument  *doc,
                                                BylineSchema    *schema,
                                                BylineProblems  *problems);
void            _byline_native_check_label     (BylineSchema    *schema,
                                                GHashTable      *reported,
                                                BylineProblems  *problems,
                                                guint            index,
                                                const char      *id,
                                                BylineAnnotation *annotation);
void            _byline_native_check_relation_type (BylineSchema   *schema,
                                                    BylineProblems *problems,
                                                    const char     *where,
                                                    BylineRelation *relation);
void            _byline_native_check_relation_labels (BylineDocument *doc,
                                                      BylineSchema   *schema,
                                                      BylineProblems *problems);

G_END_DECLS
