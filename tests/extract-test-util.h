/* extract-test-util.h: what the extractors' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-suggest.h"

G_BEGIN_DECLS

char *extract_test_read_sample      (void);
void  extract_test_run              (BylineSuggestions     *s,
                                     const char            *text,
                                     const char            *extractor);
char *extract_test_span_text        (const char            *text,
                                     BylineAnnotation      *a);
void  extract_test_assert_cancelled (const BylineExtractor *extractor,
                                     const char            *text);

G_END_DECLS
