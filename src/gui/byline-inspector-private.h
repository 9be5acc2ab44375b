/* byline-inspector-private.h: what the inspector's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-gui-private.h"

#include <adwaita.h>

#include "byline-inspector.h"

G_BEGIN_DECLS

/* How much of the other end's text a relation row quotes. */
#define RELATION_TEXT_CHARS 32

struct _BylineInspector
{
  GtkWidget             parent_instance;

  BylineDocument       *document;
  BylineSchema         *schema;
  BylineAnnotation     *annotation;
  BylineRelation       *selected_relation;

  /* The rows of attributes_group, and what they were built for: the
   * label and the attributes outside the schema. While it stays the same
   * a refresh only updates values, so the widget a user is working with
   * is never destroyed under them. */
  GPtrArray            *attribute_rows;
  char                 *attribute_shape;
  /* The layer whose labels label_row lists. */
  const char           *label_layer;
  GtkStringList        *label_model;
  /* Set while widgets are filled from the model, so that their change
   * handlers do not commit what they are shown. */
  guint                 updating;
  /* A rebuild of relations_list waiting for the frame (see
   * queue_refresh_relations). */
  BylineAfterFrame      relations_later;

  /* From byline-inspector.ui: the stack with its placeholder page when
   * the inspector is made, the rest (annotation_page) when an annotation
   * is first shown (ensure_page). */
  GtkStack             *stack;
  GtkWidget            *annotation_page;
  GtkBox               *title_box;
  GtkLabel             *title_label;
  GtkLabel             *id_label;
  GtkLabel             *text_label;
  AdwComboRow          *label_row;
  AdwActionRow         *status_row;
  GtkWidget            *review_box;
  GtkButton            *accept_button;
  GtkButton            *reject_button;
  AdwActionRow         *span_row;
  AdwEntryRow          *note_row;
  AdwPreferencesGroup  *attributes_group;
  AdwPreferencesGroup  *relations_group;
  GtkListBox           *relations_list;
  GtkWidget            *swatch;
};

/* byline-inspector.c */
void              _byline_inspector_commit_state         (BylineInspector  *self,
                                                          BylineAnnotation *state);
BylineAnnotation *_byline_inspector_dup_state            (BylineInspector  *self);

/* byline-inspector-attributes.c */
void              _byline_inspector_clear_attribute_rows (BylineInspector  *self);
void              _byline_inspector_refresh_attributes   (BylineInspector  *self);

G_END_DECLS
