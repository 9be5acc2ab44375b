/* byline-inspector.c: the editor of one annotation, in the side panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-annotation-row.h"
#include "byline-gui-private.h"
#include "byline-inspector-private.h"
#include "byline-review-private.h"


G_DEFINE_FINAL_TYPE (BylineInspector, byline_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANNOTATION,
  PROP_SELECTED_RELATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (BylineInspector *self);
static void refresh_relations (BylineInspector *self);

void
_byline_inspector_commit_state (BylineInspector  *self,
                                BylineAnnotation *state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert (self->annotation != NULL);

  id = g_strdup (byline_annotation_get_id (self->annotation));
  if (!byline_document_replace_annotation (self->document, id, state, &error))
    {
      g_warning ("Cannot change annotation %s: %s", id, error->message);
      refresh (self);
    }
}

BylineAnnotation *
_byline_inspector_dup_state (BylineInspector *self)
{
  if (self->updating > 0 || self->annotation == NULL || self->document == NULL)
    {
      return NULL;
    }

  return byline_annotation_copy (self->annotation);
}

static void
set_status (BylineInspector *self,
            BylineStatus     status)
{
  g_autoptr(BylineAnnotation) state = _byline_inspector_dup_state (self);

  if (state == NULL)
    {
      return;
    }

  byline_annotation_set_status (state, status);
  _byline_inspector_commit_state (self, state);
}

static void
on_accept_button_clicked_cb (BylineInspector *self)
{
  set_status (self, BYLINE_STATUS_ACCEPTED);
}

static void
on_reject_button_clicked_cb (BylineInspector *self)
{
  set_status (self, BYLINE_STATUS_REJECTED);
}

static void
on_label_row_selected_cb (BylineInspector *self)
{
  g_autoptr(BylineAnnotation) state = _byline_inspector_dup_state (self);
  guint selected;
  const char *label;

  if (state == NULL)
    {
      return;
    }

  selected = adw_combo_row_get_selected (self->label_row);
  label = gtk_string_list_get_string (self->label_model, selected);
  if (label == NULL || g_strcmp0 (label, byline_annotation_get_label (state)) == 0)
    {
      return;
    }

  byline_annotation_set_label (state, label);
  /* Relabeling a suggestion is reviewing it, as with the label keys: it
   * is accepted as changed, by the window's reviewer. */
  if (byline_annotation_get_status (state) == BYLINE_STATUS_SUGGESTED)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      g_autofree char *reviewer = BYLINE_IS_WINDOW (root)
        ? byline_window_dup_reviewer (BYLINE_WINDOW (root))
        : g_strdup (_byline_review_get_default_reviewer ());

      byline_annotation_set_status (state, BYLINE_STATUS_ACCEPTED);
      byline_annotation_set_reviewer (state, reviewer);
    }
  _byline_inspector_commit_state (self, state);
}

static void
on_note_row_apply_cb (BylineInspector *self)
{
  g_autoptr(BylineAnnotation) state = _byline_inspector_dup_state (self);
  const char *note;

  if (state == NULL)
    {
      return;
    }

  note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  byline_annotation_set_note (state, note[0] != '\0' ? note : NULL);
  _byline_inspector_commit_state (self, state);
}

/* Label, status, span */

static void
refresh_label_row (BylineInspector *self)
{
  const char *layer = byline_annotation_get_layer (self->annotation);
  const char *label = byline_annotation_get_label (self->annotation);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->label_model));
  guint selected = GTK_INVALID_LIST_POSITION;

  if (g_strcmp0 (layer, self->label_layer) != 0 || n == 0)
    {
      const BylineLayer *l = self->schema != NULL ? byline_schema_lookup_layer (self->schema, layer) : NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint i = 0; l != NULL && i < l->labels->len; i++)
        {
          const BylineLabel *item = g_ptr_array_index (l->labels, i);

          g_ptr_array_add (names, item->name);
        }
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->label_model, 0, n, (const char * const *) names->pdata);
      self->label_layer = g_intern_string (layer);
      n = g_list_model_get_n_items (G_LIST_MODEL (self->label_model));
    }

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (self->label_model, i), label) == 0)
        {
          selected = i;
          break;
        }
    }
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      /* A label outside the schema stays as it is, shown after the others. */
      gtk_string_list_append (self->label_model, label);
      selected = n;
    }
  adw_combo_row_set_selected (self->label_row, selected);
}

static void
refresh_status (BylineInspector *self)
{
  g_autofree char *status = byline_annotation_row_dup_status_text (self->annotation);
  g_autofree char *subtitle = NULL;
  const char *origin = byline_annotation_get_origin (self->annotation);

  if (origin != NULL && origin[0] != '\0')
    {
      /* TRANSLATORS: a status and who made the annotation: "Suggested · 0.82, by spacy" */
      subtitle = g_strdup_printf (_("%s, by %s"), status, origin);
    }
  adw_action_row_set_subtitle (self->status_row, subtitle != NULL ? subtitle : status);
  gtk_widget_set_visible (self->review_box,
                          byline_annotation_get_status (self->annotation) == BYLINE_STATUS_SUGGESTED);
}

static void
refresh_span (BylineInspector *self)
{
  g_autoptr(GString) ranges = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  guint n = byline_annotation_get_n_fragments (self->annotation);
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (self->annotation, i);

      if (i > 0)
        {
          g_string_append (ranges, ", ");
        }
      g_string_append_printf (ranges, "%u–%u", f->start, f->end);
      length += f->end - f->start;
    }

  /* TRANSLATORS: an annotation's extent: "120–134, 14 characters" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u character", "%s, %u characters", length),
                              ranges->str, length);
  adw_action_row_set_subtitle (self->span_row, subtitle);
}

static void
refresh_header (BylineInspector *self)
{
  const char *label = byline_annotation_get_label (self->annotation);
  const BylineLabel *def = self->schema != NULL ? byline_schema_lookup_label (self->schema, label) : NULL;
  g_autofree char *text = byline_document_dup_annotation_text (self->document, self->annotation);
  g_autofree char *quoted = NULL;
  g_autofree char *title = NULL;

  byline_annotation_row_set_swatch_color (self->swatch, def != NULL ? def->color : NULL);
  if (def != NULL && def->title != NULL && g_strcmp0 (def->title, label) != 0)
    {
      /* TRANSLATORS: a label's readable name and its name: "Person (PERSON)" */
      title = g_strdup_printf (_("%s (%s)"), def->title, label);
    }
  gtk_label_set_label (self->title_label, title != NULL ? title : label);
  gtk_label_set_label (self->id_label, byline_annotation_get_id (self->annotation));
  quoted = byline_annotation_row_dup_quoted (text);
  gtk_label_set_label (self->text_label, quoted);
}

static void
refresh_note (BylineInspector *self)
{
  const char *note = byline_annotation_get_note (self->annotation);

  if (note == NULL)
    {
      note = "";
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_row)), note) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), note);
    }
}

static void ensure_page (BylineInspector *self);

static void
refresh (BylineInspector *self)
{
  byline_after_frame_cancel (&self->relations_later);
  if (self->annotation == NULL || self->document == NULL)
    {
      _byline_inspector_clear_attribute_rows (self);
      refresh_relations (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  ensure_page (self);
  self->updating++;
  refresh_header (self);
  refresh_label_row (self);
  refresh_status (self);
  refresh_span (self);
  refresh_note (self);
  _byline_inspector_refresh_attributes (self);
  refresh_relations (self);
  self->updating--;

  gtk_stack_set_visible_child_name (self->stack, "annotation");
}

/* Relations */

static void
on_delete_relation_clicked_cb (GtkButton       *button,
                               BylineInspector *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "byline-relation");
  g_autofree char *copy = g_strdup (id);

  if (self->document != NULL && copy != NULL)
    {
      byline_document_remove_relation (self->document, copy);
    }
}

static GtkWidget *
create_relation_row (BylineInspector *self,
                     BylineRelation  *relation)
{
  const char *id = byline_annotation_get_id (self->annotation);
  gboolean outgoing = g_strcmp0 (byline_relation_get_from (relation), id) == 0;
  const char *other_id = outgoing ? byline_relation_get_to (relation) : byline_relation_get_from (relation);
  BylineAnnotation *other = byline_document_lookup_annotation (self->document, other_id);
  const char *type = byline_relation_get_relation_type (relation);
  g_autofree char *other_text = other != NULL
    ? byline_annotation_row_dup_one_line (self->document, other, RELATION_TEXT_CHARS)
    : g_strdup (other_id);
  g_autofree char *title = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *accessible = NULL;
  const BylineRelationType *def;
  GtkWidget *row;
  GtkWidget *button;

  quoted = byline_annotation_row_dup_quoted (other_text);
  /* TRANSLATORS: a relation from the selected annotation: "said_by → SPEAKER “Smith”";
   * the other direction uses ←  */
  title = g_strdup_printf (outgoing ? _("%s → %s %s") : _("%s ← %s %s"),
                           type,
                           other != NULL ? byline_annotation_get_label (other) : "?",
                           quoted);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  def = self->schema != NULL ? byline_schema_lookup_relation_type (self->schema, type) : NULL;
  if (def != NULL && def->description != NULL)
    {
      byline_gui_set_tooltip_text (row, def->description);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  byline_gui_set_tooltip_text (button, _("Delete Relation"));
  accessible = outgoing
    /* TRANSLATORS: "Delete relation said_by to Smith" */
    ? g_strdup_printf (_("Delete relation %s to %s"), type, other_text)
    /* TRANSLATORS: "Delete relation said_by from “We do not seek conflict”" */
    : g_strdup_printf (_("Delete relation %s from %s"), type, other_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "byline-relation",
                          g_strdup (byline_relation_get_id (relation)), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_relation_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_object_set_data_full (G_OBJECT (row), "byline-relation",
                          g_object_ref (relation), g_object_unref);

  return row;
}

static void
refresh_relations (BylineInspector *self)
{
  GtkListBoxRow *row;
  g_autoptr(GPtrArray) relations = NULL;

  if (self->relations_list == NULL)
    {
      return;
    }

  /* Rows only: the placeholder is a child too. */
  while ((row = gtk_list_box_get_row_at_index (self->relations_list, 0)) != NULL)
    {
      gtk_list_box_remove (self->relations_list, GTK_WIDGET (row));
    }

  if (self->annotation == NULL || self->document == NULL)
    {
      return;
    }

  relations = byline_document_get_relations_of (self->document,
                                                byline_annotation_get_id (self->annotation));
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *relation = relations->pdata[i];
      GtkWidget *relation_row = create_relation_row (self, relation);

      gtk_list_box_append (self->relations_list, relation_row);
      if (relation == self->selected_relation)
        {
          gtk_list_box_select_row (self->relations_list, GTK_LIST_BOX_ROW (relation_row));
        }
    }
}

static void
on_relations_list_row_activated_cb (BylineInspector *self,
                                    GtkListBoxRow   *row)
{
  BylineRelation *relation = g_object_get_data (G_OBJECT (row), "byline-relation");

  byline_inspector_set_selected_relation (self, relation);
}

/* Document signals */

static gboolean
shows_relation_to (BylineInspector  *self,
                   BylineAnnotation *annotation)
{
  const char *id = byline_annotation_get_id (annotation);
  GtkListBoxRow *row;

  for (guint i = 0; self->relations_list != NULL &&
                    (row = gtk_list_box_get_row_at_index (self->relations_list, i)) != NULL; i++)
    {
      BylineRelation *relation = g_object_get_data (G_OBJECT (row), "byline-relation");

      if (g_strcmp0 (byline_relation_get_from (relation), id) == 0 ||
          g_strcmp0 (byline_relation_get_to (relation), id) == 0)
        {
          return TRUE;
        }
    }

  return FALSE;
}

static void
refresh_relations_cb (gpointer data)
{
  refresh_relations (data);
}

/* Relations change in bursts: deleting an annotation takes out each of
 * its relations first, one signal each, and each change drops the
 * document's index of relations, which the next question rebuilds from
 * all of them. The list is built again once, after the frame that shows
 * the edit, instead of once per relation in that frame. */
static void
queue_refresh_relations (BylineInspector *self)
{
  byline_after_frame_schedule (&self->relations_later);
}

static void
on_annotation_changed_cb (BylineInspector  *self,
                          BylineAnnotation *annotation,
                          guint             old_start,
                          guint             old_end)
{
  if (annotation == self->annotation)
    {
      refresh (self);
    }
  else if (self->annotation != NULL && shows_relation_to (self, annotation))
    {
      /* The other end of a relation changed its label or text. */
      queue_refresh_relations (self);
    }
}

static void
on_annotation_removed_cb (BylineInspector  *self,
                          BylineAnnotation *annotation)
{
  if (annotation == self->annotation)
    {
      byline_inspector_set_annotation (self, NULL);
    }
}

static gboolean
involves_annotation (BylineInspector *self,
                     BylineRelation  *relation)
{
  const char *id;

  if (self->annotation == NULL)
    {
      return FALSE;
    }

  id = byline_annotation_get_id (self->annotation);
  return g_strcmp0 (byline_relation_get_from (relation), id) == 0 ||
         g_strcmp0 (byline_relation_get_to (relation), id) == 0;
}

static void
on_relation_added_cb (BylineInspector *self,
                      BylineRelation  *relation)
{
  if (involves_annotation (self, relation))
    {
      queue_refresh_relations (self);
    }
}

static void
on_relation_removed_cb (BylineInspector *self,
                        BylineRelation  *relation)
{
  if (relation == self->selected_relation)
    {
      byline_inspector_set_selected_relation (self, NULL);
    }
  if (involves_annotation (self, relation))
    {
      queue_refresh_relations (self);
    }
}

static void
on_relation_changed_cb (BylineInspector *self,
                        BylineRelation  *relation)
{
  /* Its ends may have moved away from (or onto) the annotation: rebuild
   * whenever one is shown. */
  if (self->annotation != NULL)
    {
      queue_refresh_relations (self);
    }
}

/* GObject */

static void
byline_inspector_dispose (GObject *object)
{
  BylineInspector *self = BYLINE_INSPECTOR (object);

  byline_after_frame_cancel (&self->relations_later);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->schema);
  g_clear_object (&self->annotation);
  g_clear_object (&self->selected_relation);
  g_clear_pointer (&self->attribute_shape, g_free);
  g_clear_object (&self->label_model);

  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }
  self->annotation_page = NULL;
  self->relations_list = NULL;
  self->attributes_group = NULL;

  G_OBJECT_CLASS (byline_inspector_parent_class)->dispose (object);
}

static void
byline_inspector_finalize (GObject *object)
{
  BylineInspector *self = BYLINE_INSPECTOR (object);

  g_clear_pointer (&self->attribute_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_inspector_parent_class)->finalize (object);
}

static void
byline_inspector_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BylineInspector *self = BYLINE_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      g_value_set_object (value, self->annotation);
      break;
    case PROP_SELECTED_RELATION:
      g_value_set_object (value, self->selected_relation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_inspector_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BylineInspector *self = BYLINE_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      byline_inspector_set_annotation (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_RELATION:
      byline_inspector_set_selected_relation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_inspector_class_init (BylineInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_inspector_dispose;
  object_class->finalize = byline_inspector_finalize;
  object_class->get_property = byline_inspector_get_property;
  object_class->set_property = byline_inspector_set_property;

  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL, BYLINE_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_object ("selected-relation", NULL, NULL, BYLINE_TYPE_RELATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  byline_gui_ensure_resources ();

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bylineinspector");
}

#define INSPECTOR_UI "/io/github/byline/Byline/byline-inspector.ui"

static void
byline_inspector_init (BylineInspector *self)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "stack", NULL };

  self->attribute_rows = g_ptr_array_new ();
  self->label_model = gtk_string_list_new (NULL);
  byline_after_frame_init (&self->relations_later, GTK_WIDGET (self), refresh_relations_cb, self);

  /* Only the placeholder: see ensure_page (). */
  if (!gtk_builder_add_objects_from_resource (builder, INSPECTOR_UI, ids, &error))
    {
      g_error ("Cannot build the inspector: %s", error->message);
    }
  self->stack = GTK_STACK (gtk_builder_get_object (builder, "stack"));
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}

/* Builds the editing page the first time an annotation is shown: a
 * window that never selects one (most of them at first, and every
 * window while it opens) does not pay for its rows and entries. */
static void
ensure_page (BylineInspector *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "annotation_page", NULL };
  GtkWidget *placeholder;

  if (self->annotation_page != NULL)
    {
      return;
    }

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "on_label_row_selected_cb", G_CALLBACK (on_label_row_selected_cb),
                                           "on_accept_button_clicked_cb", G_CALLBACK (on_accept_button_clicked_cb),
                                           "on_reject_button_clicked_cb", G_CALLBACK (on_reject_button_clicked_cb),
                                           "on_note_row_apply_cb", G_CALLBACK (on_note_row_apply_cb),
                                           "on_relations_list_row_activated_cb", G_CALLBACK (on_relations_list_row_activated_cb),
                                           NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  /* The handlers are swapped: they get the inspector first. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_objects_from_resource (builder, INSPECTOR_UI, ids, &error))
    {
      g_error ("Cannot build the inspector: %s", error->message);
    }

#define GET(name, TYPE) self->name = TYPE (gtk_builder_get_object (builder, #name))
  GET (annotation_page, GTK_WIDGET);
  GET (title_box, GTK_BOX);
  GET (title_label, GTK_LABEL);
  GET (id_label, GTK_LABEL);
  GET (text_label, GTK_LABEL);
  GET (label_row, ADW_COMBO_ROW);
  GET (status_row, ADW_ACTION_ROW);
  GET (review_box, GTK_WIDGET);
  GET (accept_button, GTK_BUTTON);
  GET (reject_button, GTK_BUTTON);
  GET (span_row, ADW_ACTION_ROW);
  GET (note_row, ADW_ENTRY_ROW);
  GET (attributes_group, ADW_PREFERENCES_GROUP);
  GET (relations_group, ADW_PREFERENCES_GROUP);
  GET (relations_list, GTK_LIST_BOX);
#undef GET

  /* Filled before its signal handler can see a change. */
  self->updating++;
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->label_row, expression);
  adw_combo_row_set_model (self->label_row, G_LIST_MODEL (self->label_model));
  self->updating--;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->status_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->span_row), FALSE);

  placeholder = gtk_label_new (_("No relations"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 14);
  gtk_widget_set_margin_bottom (placeholder, 14);
  gtk_list_box_set_placeholder (self->relations_list, placeholder);

  self->swatch = byline_annotation_row_new_swatch ();
  gtk_box_prepend (self->title_box, self->swatch);

  gtk_stack_add_named (self->stack, self->annotation_page, "annotation");
}

GtkWidget *
byline_inspector_new (void)
{
  return g_object_new (BYLINE_TYPE_INSPECTOR, NULL);
}

void
byline_inspector_set_document (BylineInspector *self,
                               BylineDocument  *document,
                               BylineSchema    *schema)
{
  g_return_if_fail (BYLINE_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));
  g_return_if_fail (schema == NULL || BYLINE_IS_SCHEMA (schema));

  byline_inspector_set_annotation (self, NULL);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  g_set_object (&self->document, document);
  if (g_set_object (&self->schema, schema))
    {
      /* The rows point into the old schema's definitions. */
      _byline_inspector_clear_attribute_rows (self);
      self->label_layer = NULL;
    }

  if (document != NULL)
    {
      g_signal_connect_object (document, "annotation-changed",
                               G_CALLBACK (on_annotation_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-removed",
                               G_CALLBACK (on_annotation_removed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "relation-added",
                               G_CALLBACK (on_relation_added_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "relation-removed",
                               G_CALLBACK (on_relation_removed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "relation-changed",
                               G_CALLBACK (on_relation_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

/**
 * byline_inspector_prepare:
 *
 * Builds the page that shows an annotation, still hidden, so that the
 * first annotation selected is shown as fast as the next: the panel
 * calls it in an idle once it is built.
 */
void
byline_inspector_prepare (BylineInspector *self)
{
  g_return_if_fail (BYLINE_IS_INSPECTOR (self));

  ensure_page (self);
}

BylineAnnotation *
byline_inspector_get_annotation (BylineInspector *self)
{
  g_return_val_if_fail (BYLINE_IS_INSPECTOR (self), NULL);

  return self->annotation;
}

void
byline_inspector_set_annotation (BylineInspector  *self,
                                 BylineAnnotation *annotation)
{
  g_return_if_fail (BYLINE_IS_INSPECTOR (self));
  g_return_if_fail (annotation == NULL || BYLINE_IS_ANNOTATION (annotation));

  if (self->annotation == annotation)
    {
      return;
    }

  g_set_object (&self->annotation, annotation);
  if (self->selected_relation != NULL && (annotation == NULL || !involves_annotation (self, self->selected_relation)))
    {
      byline_inspector_set_selected_relation (self, NULL);
    }
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
}

BylineRelation *
byline_inspector_get_selected_relation (BylineInspector *self)
{
  g_return_val_if_fail (BYLINE_IS_INSPECTOR (self), NULL);

  return self->selected_relation;
}

void
byline_inspector_set_selected_relation (BylineInspector *self,
                                        BylineRelation  *relation)
{
  g_return_if_fail (BYLINE_IS_INSPECTOR (self));
  g_return_if_fail (relation == NULL || BYLINE_IS_RELATION (relation));

  if (!g_set_object (&self->selected_relation, relation))
    {
      return;
    }

  if (relation == NULL && self->relations_list != NULL)
    {
      gtk_list_box_unselect_all (self->relations_list);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
}
