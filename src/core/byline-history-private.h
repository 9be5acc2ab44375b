/* byline-history-private.h: the history's side that the document drives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "byline-history.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_CHANGE_ANNOTATION,
  BYLINE_CHANGE_RELATION,
  BYLINE_CHANGE_META,
  BYLINE_CHANGE_ATTRIBUTE,
} BylineChangeKind;

/* One edit as two states: @before and @after are detached snapshots
 * (BylineAnnotation or BylineRelation, owned) or JsonNode values (owned);
 * %NULL means "absent". Undo applies @before, redo @after: every command
 * has its inverse by construction. */
typedef struct
{
  BylineChangeKind kind;
  char            *key;
  gpointer         before;
  gpointer         after;
} BylineChange;

typedef struct
{
  char      *description;
  GPtrArray *changes;   /* BylineChange, in the order they were made */
} BylineHistoryStep;

BylineHistory           *_byline_history_new         (void);
void                     _byline_history_record      (BylineHistory    *self,
                                                      BylineChangeKind  kind,
                                                      const char       *key,
                                                      gpointer          before,
                                                      gpointer          after);
void                     _byline_history_begin_group (BylineHistory    *self,
                                                      const char       *description);
void                     _byline_history_end_group   (BylineHistory    *self);
const BylineHistoryStep *_byline_history_undo        (BylineHistory    *self);
const BylineHistoryStep *_byline_history_redo        (BylineHistory    *self);
void                     _byline_history_clear       (BylineHistory    *self);
void                     _byline_history_mark_clean  (BylineHistory    *self);
void                     _byline_history_mark_dirty  (BylineHistory    *self);
gboolean                 _byline_history_is_clean    (BylineHistory    *self);

G_END_DECLS
