/* byline-annotation-private.h: what only the document may do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-annotation.h"

G_BEGIN_DECLS

void _byline_annotation_set_document (BylineAnnotation *self,
                                      BylineDocument   *document);
void _byline_annotation_assign       (BylineAnnotation *self,
                                      BylineAnnotation *state);
void _byline_annotation_ensure_id    (BylineAnnotation *self,
                                      const char       *id);

G_END_DECLS
