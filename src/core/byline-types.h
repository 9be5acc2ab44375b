/* byline-types.h: forward declarations shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _BylineAnnotation BylineAnnotation;
typedef struct _BylineRelation   BylineRelation;
typedef struct _BylineDocument   BylineDocument;
typedef struct _BylineSchema     BylineSchema;
typedef struct _BylineHistory    BylineHistory;
typedef struct _BylineSpanIndex  BylineSpanIndex;
typedef struct _BylineProblems   BylineProblems;

/**
 * BylineFragment:
 * @start: first code point, inclusive
 * @end: last code point, exclusive
 *
 * One contiguous piece of an annotation, in Unicode code points over the
 * document text exactly as stored.
 */
typedef struct
{
  guint start;
  guint end;
} BylineFragment;

/**
 * BylineStatus:
 * @BYLINE_STATUS_MANUAL: made by a person
 * @BYLINE_STATUS_SUGGESTED: proposed by an extractor, not yet reviewed
 * @BYLINE_STATUS_ACCEPTED: a suggestion a reviewer accepted
 * @BYLINE_STATUS_REJECTED: a suggestion a reviewer rejected (kept as data)
 */
typedef enum
{
  BYLINE_STATUS_MANUAL,
  BYLINE_STATUS_SUGGESTED,
  BYLINE_STATUS_ACCEPTED,
  BYLINE_STATUS_REJECTED,
} BylineStatus;

#define BYLINE_N_STATUSES 4

const char *byline_status_to_string   (BylineStatus  status);
gboolean    byline_status_from_string (const char   *str,
                                       BylineStatus *status);

G_END_DECLS

G_BEGIN_DECLS

/**
 * BylineDocumentFunc:
 * @document: a document a reader just produced
 * @user_data: closure
 * @error: where to report why reading must stop
 *
 * Streaming readers hand each document to such a function as soon as it is
 * read, so a corpus is processed in constant memory.
 *
 * Returns: %TRUE to go on, %FALSE (with @error set) to stop reading
 */
typedef gboolean (*BylineDocumentFunc) (BylineDocument *document,
                                        gpointer        user_data,
                                        GError        **error);

G_END_DECLS
