/* byline-relation-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-relation.h"

G_BEGIN_DECLS

void _byline_relation_set_document (BylineRelation *self,
                                    BylineDocument *document);
void _byline_relation_assign       (BylineRelation *self,
                                    BylineRelation *state);
void _byline_relation_ensure_id    (BylineRelation *self,
                                    const char     *id);

G_END_DECLS
