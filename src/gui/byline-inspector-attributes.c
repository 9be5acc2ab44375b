/* byline-inspector-attributes.c: the inspector's rows for an annotation's
 * attributes, as the schema defines them for its label, and those it
 * does not define, kept as they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-gui-private.h"
#include "byline-inspector-private.h"

static const BylineAttributeDef *
row_get_def (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "byline-attribute");
}

static void
on_choice_row_selected_cb (AdwComboRow     *row,
                           GParamSpec      *pspec,
                           BylineInspector *self)
{
  g_autoptr(BylineAnnotation) state = _byline_inspector_dup_state (self);
  const BylineAttributeDef *def = row_get_def (GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);

  if (state == NULL)
    {
      return;
    }

  /* Item 0 is "not set". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    {
      byline_annotation_set_attribute (state, def->name, NULL);
    }
  else
    {
      byline_annotation_set_attribute_string (state, def->name, def->values[selected - 1]);
    }
  _byline_inspector_commit_state (self, state);
}

static void
on_text_row_apply_cb (AdwEntryRow     *row,
                      BylineInspector *self)
{
  g_autoptr(BylineAnnotation) state = _byline_inspector_dup_state (self);
  const BylineAttributeDef *def = row_get_def (GTK_WIDGET (row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (state == NULL)
    {
      return;
    }

  byline_annotation_set_attribute_string (state, def->name, text[0] != '\0' ? text : NULL);
  _byline_inspector_commit_state (self, state);
}

static void
on_boolean_switch_active_cb (GtkSwitch       *button,
                             GParamSpec      *pspec,
                             BylineInspector *self)
{
  g_autoptr(BylineAnnotation) state = _byline_inspector_dup_state (self);
  g_autoptr(JsonNode) node = NULL;
  const BylineAttributeDef *def = row_get_def (GTK_WIDGET (button));

  if (state == NULL)
    {
      return;
    }

  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_boolean (node, gtk_switch_get_active (button));
  byline_annotation_set_attribute (state, def->name, node);
  _byline_inspector_commit_state (self, state);
}

/* A value as text: strings as they are, anything else as JSON. */
static char *
dup_value_text (JsonNode *node)
{
  if (node == NULL)
    {
      return NULL;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      return g_strdup (json_node_get_string (node));
    }

  return json_to_string (node, FALSE);
}

static gboolean
value_is_true (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    {
      return FALSE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      return json_node_get_boolean (node);
    }

  text = dup_value_text (node);
  return g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "yes") == 0;
}

static gboolean
def_applies (const BylineAttributeDef *def,
             const char               *label)
{
  return def->labels != NULL && g_strv_contains ((const char * const *) def->labels, label);
}

static GtkWidget *
create_attribute_row (BylineInspector          *self,
                      const BylineAttributeDef *def)
{
  GtkWidget *row;
  g_autofree char *accessible = NULL;

  switch (def->type)
    {
    case BYLINE_ATTRIBUTE_CHOICE:
      {
        g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
        g_autoptr(GtkExpression) expression = NULL;

        /* TRANSLATORS: the choice of an attribute that has no value */
        gtk_string_list_append (model, _("Not set"));
        for (guint i = 0; def->values != NULL && def->values[i] != NULL; i++)
          {
            gtk_string_list_append (model, def->values[i]);
          }
        expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
        row = adw_combo_row_new ();
        adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
        g_signal_connect_object (row, "notify::selected",
                                 G_CALLBACK (on_choice_row_selected_cb), self, 0);
        break;
      }

    case BYLINE_ATTRIBUTE_TEXT:
      row = adw_entry_row_new ();
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_text_row_apply_cb), self, 0);
      g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_text_row_apply_cb), self, 0);
      break;

    case BYLINE_ATTRIBUTE_BOOLEAN:
    default:
      {
        GtkWidget *button = gtk_switch_new ();

        row = adw_action_row_new ();
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        g_object_set_data (G_OBJECT (button), "byline-attribute", (gpointer) def);
        gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, def->title,
                                        -1);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
        g_signal_connect_object (button, "notify::active",
                                 G_CALLBACK (on_boolean_switch_active_cb), self, 0);
        g_object_set_data (G_OBJECT (row), "byline-switch", button);
        break;
      }
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), def->title != NULL ? def->title : def->name);
  if (def->description != NULL)
    {
      byline_gui_set_tooltip_text (row, def->description);
    }
  /* No accessible label of its own: the row is named by its title
   * already, and a second name made screen readers say it twice. */
  g_object_set_data (G_OBJECT (row), "byline-attribute", (gpointer) def);
  gtk_widget_set_name (row, def->name);

  return row;
}

/* Attributes the schema does not define for this label are kept and
 * shown, but not edited here. */
static GtkWidget *
create_unknown_row (const char *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (_("Not in schema"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, "dim-label");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  byline_gui_set_tooltip_text (row, _("This attribute is not in the schema: it is kept as it is"));
  g_object_set_data_full (G_OBJECT (row), "byline-unknown", g_strdup (name), g_free);
  gtk_widget_set_name (row, name);

  return row;
}

static void
update_attribute_row (BylineInspector *self,
                      GtkWidget       *row)
{
  const BylineAttributeDef *def = row_get_def (row);
  const char *unknown = g_object_get_data (G_OBJECT (row), "byline-unknown");
  JsonNode *node;
  g_autofree char *text = NULL;

  node = byline_annotation_get_attribute (self->annotation, def != NULL ? def->name : unknown);
  text = dup_value_text (node);

  if (unknown != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text != NULL ? text : "");
      return;
    }

  switch (def->type)
    {
    case BYLINE_ATTRIBUTE_CHOICE:
      {
        guint selected = 0;

        for (guint i = 0; text != NULL && def->values != NULL && def->values[i] != NULL; i++)
          {
            if (g_strcmp0 (def->values[i], text) == 0)
              {
                selected = i + 1;
                break;
              }
          }
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     text != NULL && selected == 0 ? text : NULL);
        break;
      }

    case BYLINE_ATTRIBUTE_TEXT:
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
        }
      break;

    case BYLINE_ATTRIBUTE_BOOLEAN:
    default:
      gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "byline-switch"),
                             value_is_true (node));
      break;
    }
}

static char *
dup_attribute_shape (BylineInspector *self)
{
  GString *shape = g_string_new (byline_annotation_get_label (self->annotation));
  guint n = byline_annotation_get_n_attributes (self->annotation);

  for (guint i = 0; i < n; i++)
    {
      const char *name = byline_annotation_get_attribute_name (self->annotation, i);

      if (self->schema == NULL ||
          byline_schema_lookup_attribute (self->schema,
                                          byline_annotation_get_label (self->annotation),
                                          name) == NULL)
        {
          g_string_append_c (shape, '\n');
          g_string_append (shape, name);
        }
    }

  return g_string_free (shape, FALSE);
}

void
_byline_inspector_clear_attribute_rows (BylineInspector *self)
{
  for (guint i = 0; i < self->attribute_rows->len; i++)
    {
      adw_preferences_group_remove (self->attributes_group, self->attribute_rows->pdata[i]);
    }
  g_ptr_array_set_size (self->attribute_rows, 0);
  g_clear_pointer (&self->attribute_shape, g_free);
}

void
_byline_inspector_refresh_attributes (BylineInspector *self)
{
  g_autofree char *shape = dup_attribute_shape (self);
  const char *label = byline_annotation_get_label (self->annotation);

  if (g_strcmp0 (shape, self->attribute_shape) != 0)
    {
      guint n;

      _byline_inspector_clear_attribute_rows (self);
      self->attribute_shape = g_steal_pointer (&shape);

      n = self->schema != NULL ? byline_schema_get_n_attributes (self->schema) : 0;
      for (guint i = 0; i < n; i++)
        {
          const BylineAttributeDef *def = byline_schema_get_attribute (self->schema, i);

          if (def_applies (def, label))
            {
              g_ptr_array_add (self->attribute_rows, create_attribute_row (self, def));
            }
        }
      n = byline_annotation_get_n_attributes (self->annotation);
      for (guint i = 0; i < n; i++)
        {
          const char *name = byline_annotation_get_attribute_name (self->annotation, i);

          if (self->schema == NULL || byline_schema_lookup_attribute (self->schema, label, name) == NULL)
            {
              g_ptr_array_add (self->attribute_rows, create_unknown_row (name));
            }
        }
      for (guint i = 0; i < self->attribute_rows->len; i++)
        {
          adw_preferences_group_add (self->attributes_group, self->attribute_rows->pdata[i]);
        }
    }

  for (guint i = 0; i < self->attribute_rows->len; i++)
    {
      update_attribute_row (self, self->attribute_rows->pdata[i]);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attributes_group), self->attribute_rows->len > 0);
}
