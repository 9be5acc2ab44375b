/* byline-document-private.h: fast paths for readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-document.h"
#include "byline-problems.h"

G_BEGIN_DECLS

/* Readers build a document without history or signals, then call
 * byline_document_mark_loaded(). Both functions take ownership of the
 * object, check it against the text, and report what is wrong into
 * @problems (the object is then dropped and FALSE returned). */
gboolean _byline_document_load_annotation (BylineDocument   *self,
                                           BylineAnnotation *annotation,
                                           BylineProblems   *problems,
                                           const char       *location);
gboolean _byline_document_load_relation   (BylineDocument   *self,
                                           BylineRelation   *relation,
                                           BylineProblems   *problems,
                                           const char       *location);
/* Relation endpoints may be defined later in a file: check them at the end. */
void     _byline_document_check_relations (BylineDocument   *self,
                                           BylineProblems   *problems);
void     _byline_document_set_extra       (BylineDocument   *self,
                                           JsonObject       *extra);
gboolean _byline_document_slice_equals    (BylineDocument   *self,
                                           BylineAnnotation *annotation,
                                           const char       *text,
                                           gsize             len);

G_END_DECLS
