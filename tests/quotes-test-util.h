/* quotes-test-util.h: what the quotes extractor's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-suggest.h"

G_BEGIN_DECLS

guint
quotes_test_offset_of (const char *text,
                       const char *needle,
                       guint       nth);

BylineSuggestions *
quotes_test_run_with_people (const char *text,
                             ...);

BylineAnnotation *
quotes_test_find_nth (BylineSuggestions *s,
                      const char        *text,
                      const char        *label,
                      const char        *what,
                      guint              nth);

BylineAnnotation *
quotes_test_expect_nth (BylineSuggestions *s,
                        const char        *text,
                        const char        *label,
                        const char        *what,
                        guint              nth);

guint
quotes_test_count_label (BylineSuggestions *s,
                         const char        *label);

BylineAnnotation *
quotes_test_relation_target (BylineSuggestions *s,
                             const char        *type,
                             BylineAnnotation  *from);

double
quotes_test_confidence_of (BylineAnnotation *a);

BylineAnnotation *
quotes_test_expect_attribution (BylineSuggestions *s,
                                const char        *text,
                                const char        *quote,
                                const char        *speaker,
                                const char        *cue,
                                const char        *type);

void
quotes_test_check_bounds (BylineSuggestions *s,
                          const char        *text);

#define quotes_test_run_text(text) quotes_test_run_with_people (text, NULL)
#define quotes_test_expect(s, text, label, what) quotes_test_expect_nth (s, text, label, what, 0)

G_END_DECLS
