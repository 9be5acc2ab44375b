/* brat-test-util.h: what the brat tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-format.h"

G_BEGIN_DECLS

const BylineFormat *
brat_test_format (void);

GPtrArray *
brat_test_read (const char      *path,
                BylineProblems  *warnings,
                GError         **error);

BylineDocument *
brat_test_read_one (const char     *path,
                    BylineProblems *warnings);

void
brat_test_write (GPtrArray    *docs,
                 const char   *dir,
                 BylineLosses *losses);

void
brat_test_write_one (BylineDocument *doc,
                     const char     *dir,
                     BylineLosses   *losses);

char *
brat_test_make_dir (void);

void
brat_test_remove_tree (const char *path);

char *
brat_test_list_dir (const char *path);

char *
brat_test_read_text (const char *path);

GPtrArray *
brat_test_sorted_lines (const char *path);

void
brat_test_assert_same_lines (GPtrArray  *expected,
                             GPtrArray  *got,
                             const char *what);

void
brat_test_replace_line (GPtrArray  *lines,
                        const char *old,
                        const char *new);

void
brat_test_assert_texts_match (const char *txt_path,
                              const char *ann_path);

void
brat_test_assert_docs_equal (BylineDocument *a,
                             BylineDocument *b);

void
brat_test_assert_fragments (BylineAnnotation *a,
                            const char       *expected);

void
brat_test_assert_relation (BylineDocument *doc,
                           const char     *id,
                           const char     *type,
                           const char     *from,
                           const char     *to);

gboolean
brat_test_has_warning (BylineProblems *problems,
                       const char     *fragment);

JsonObject *
brat_test_extra (BylineAnnotation *a);

G_END_DECLS
