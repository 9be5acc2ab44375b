/* byline-span-index.h: which annotations cover an offset or a range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-annotation.h"

G_BEGIN_DECLS

BylineSpanIndex *byline_span_index_new        (void);
void             byline_span_index_free       (BylineSpanIndex  *self);
void             byline_span_index_add        (BylineSpanIndex  *self,
                                               BylineAnnotation *annotation);
void             byline_span_index_add_unsorted (BylineSpanIndex *self,
                                                 BylineAnnotation *annotation);
gboolean         byline_span_index_remove     (BylineSpanIndex  *self,
                                               BylineAnnotation *annotation);
void             byline_span_index_clear      (BylineSpanIndex  *self);
guint            byline_span_index_get_size   (BylineSpanIndex  *self);
void             byline_span_index_query      (BylineSpanIndex  *self,
                                               guint             start,
                                               guint             end,
                                               GPtrArray        *result);
void             byline_span_index_query_at   (BylineSpanIndex  *self,
                                               guint             offset,
                                               GPtrArray        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineSpanIndex, byline_span_index_free)

G_END_DECLS
