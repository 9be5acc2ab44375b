/* byline-window-annotate.c: labeling, selecting, editing from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every annotation command of the window is an action (win.*), so the
 * keyboard, the palette, menus and tests all reach the same code, and every
 * edit goes through the document, so it is undoable. The keys that only
 * make sense while reading the article (digits, label letters, Tab, alt and
 * arrows, Delete, r) are shortcuts of the article view; the global ones
 * (ctrl+z, ctrl+s…) are application accelerators.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-tokenizer.h"
#include "byline-window-private.h"
#include "byline-gui-private.h"

BylineAnnotation *
_byline_window_selected_annotation (BylineWindow *self)
{
  if (self->article_view == NULL)
    return NULL;
  return byline_article_view_get_selected (self->article_view);
}

/* Fills in what a new annotation of @label gets by default: the schema's
 * default attribute values, and who made it. */
static void
apply_defaults (BylineWindow     *self,
                BylineAnnotation *annotation,
                const char       *label)
{
  for (guint i = 0; i < byline_schema_get_n_attributes (self->schema); i++)
    {
      const BylineAttributeDef *def = byline_schema_get_attribute (self->schema, i);

      if (def->default_value == NULL || def->labels == NULL ||
          !g_strv_contains ((const char * const *) def->labels, label))
        continue;
      if (def->type == BYLINE_ATTRIBUTE_BOOLEAN)
        {
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

          json_node_set_boolean (node, g_str_equal (def->default_value, "true"));
          byline_annotation_set_attribute (annotation, def->name, node);
        }
      else
        byline_annotation_set_attribute_string (annotation, def->name, def->default_value);
    }
  byline_annotation_set_origin (annotation, g_get_user_name ());
}

/**
 * byline_window_apply_label:
 * @label: a label name of the schema
 *
 * Labels the selected text with @label; with no text selected, gives the
 * selected annotation that label instead.
 *
 * Returns: %TRUE when something was labeled
 */
gboolean
byline_window_apply_label (BylineWindow *self,
                           const char   *label)
{
  const BylineLabel *def;
  BylineAnnotation *selected;
  guint start, end;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  if (self->document == NULL || self->schema == NULL)
    return FALSE;
  def = byline_schema_lookup_label (self->schema, label);
  if (def == NULL)
    return FALSE;
  /* "Label all matches" offers the label used last. */
  self->last_label = g_intern_string (def->name);

  if (byline_article_view_get_selection (self->article_view, &start, &end) && start < end)
    {
      g_autoptr(BylineAnnotation) annotation = byline_annotation_new (def->layer->name, def->name,
                                                                      start, end);
      BylineAnnotation *added;

      apply_defaults (self, annotation, def->name);
      added = byline_document_add_annotation (self->document, annotation, &error);
      if (added == NULL)
        {
          byline_window_add_error_toast (self, error->message);
          return FALSE;
        }
      byline_article_view_set_selected (self->article_view, added);
      return TRUE;
    }

  selected = _byline_window_selected_annotation (self);
  if (selected != NULL)
    {
      g_autoptr(BylineAnnotation) state = byline_annotation_copy (selected);

      byline_annotation_set_layer (state, def->layer->name);
      byline_annotation_set_label (state, def->name);
      /* Relabeling a suggestion is reviewing it: it is accepted as
       * changed, by this window's reviewer. */
      if (!byline_window_review_replace (self, selected, state, &error))
        {
          byline_window_add_error_toast (self, error->message);
          return FALSE;
        }
      return TRUE;
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
  return FALSE;
}

static void
label_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  byline_window_apply_label (BYLINE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A key as typed ("3", "P") picks a label of the current layer. */
static void
label_key_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  const BylineLabel *label;

  if (self->schema == NULL)
    return;
  label = byline_schema_lookup_key (self->schema, byline_window_get_layer (self),
                                    g_variant_get_string (parameter, NULL));
  if (label == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  byline_window_apply_label (self, label->name);
}

/* ---- Layers ------------------------------------------------------------ */

const char *
byline_window_get_layer (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->layer;
}

void
byline_window_set_layer (BylineWindow *self,
                         const char   *layer)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));

  if (self->schema == NULL || byline_schema_lookup_layer (self->schema, layer) == NULL)
    return;
  if (g_strcmp0 (self->layer, layer) != 0)
    {
      g_free (self->layer);
      self->layer = g_strdup (layer);
    }
  byline_article_view_set_layer (self->article_view, layer);
  byline_label_palette_set_layer (self->label_palette, layer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-layer", TRUE);
  /* The stateful action drives the header bar's layer buttons. */
  g_action_group_change_action_state (G_ACTION_GROUP (self->layer_actions), "layer",
                                      g_variant_new_string (layer));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-layer", layer);
}

static void
cycle_layer (BylineWindow *self,
             int           direction)
{
  guint n, i;

  if (self->schema == NULL)
    return;
  n = byline_schema_get_n_layers (self->schema);
  for (i = 0; i < n; i++)
    {
      if (g_strcmp0 (byline_schema_get_layer (self->schema, i)->name, self->layer) == 0)
        break;
    }
  i = (i + n + (guint) (direction > 0 ? 1 : n - 1)) % n;
  byline_window_set_layer (self, byline_schema_get_layer (self->schema, i)->name);
}

static void
next_layer_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cycle_layer (BYLINE_WINDOW (widget), +1);
}

static void
previous_layer_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cycle_layer (BYLINE_WINDOW (widget), -1);
}

static void
on_layer_state_cb (GSimpleAction *action,
                   GVariant      *value,
                   BylineWindow  *self)
{
  g_simple_action_set_state (action, value);
  if (g_strcmp0 (self->layer, g_variant_get_string (value, NULL)) != 0)
    byline_window_set_layer (self, g_variant_get_string (value, NULL));
}

/* ---- Selecting and editing annotations --------------------------------- */

static void
select_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  int direction = g_str_equal (action_name, "win.select-next") ? +1 : -1;

  if (self->article_view != NULL && !byline_article_view_select_next (self->article_view, direction))
    gtk_widget_error_bell (widget);
}

/* Moves an edge at @offset by one word (one character without snapping):
 * an end edge moves to the end of the next or previous token, a start
 * edge to the start of one, so a span always covers whole words. */
static guint
step_edge (BylineWindow *self,
           guint         offset,
           int           direction,
           gboolean      end_edge)
{
  guint n_chars = byline_document_get_n_chars (self->document);
  g_autoptr(GArray) tokens = byline_article_view_dup_tokens_near (self->article_view, offset, offset);

  if (!byline_article_view_get_snapping (self->article_view) || tokens == NULL)
    {
      if (direction > 0)
        return MIN (offset + 1, n_chars);
      return offset > 0 ? offset - 1 : 0;
    }
  if (direction > 0)
    {
      for (guint i = byline_tokens_find (tokens, offset); i < tokens->len; i++)
        {
          const BylineToken *t = &g_array_index (tokens, BylineToken, i);
          guint edge = end_edge ? t->end : t->start;

          if (edge > offset)
            return edge;
        }
      return n_chars;
    }
  for (guint i = MIN (byline_tokens_find (tokens, offset) + 1, tokens->len); i > 0; i--)
    {
      const BylineToken *t = &g_array_index (tokens, BylineToken, i - 1);
      guint edge = end_edge ? t->end : t->start;

      if (edge < offset)
        return edge;
    }
  return 0;
}

/* win.grow-end, win.shrink-end, win.grow-start, win.shrink-start: move one
 * edge of the selected annotation by a word (a character without
 * snapping). An edge never crosses the other: the span stays non-empty. */
static void
edge_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineAnnotation *selected = _byline_window_selected_annotation (self);
  g_autoptr(BylineAnnotation) state = NULL;
  g_autoptr(GError) error = NULL;
  gboolean at_end = g_str_has_suffix (action_name, "-end");
  gboolean grow = g_str_has_prefix (action_name, "win.grow");
  guint n, start, end;
  BylineFragment *frags;

  if (selected == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  n = byline_annotation_get_n_fragments (selected);
  frags = g_new (BylineFragment, n);
  for (guint i = 0; i < n; i++)
    frags[i] = *byline_annotation_get_fragment (selected, i);
  start = frags[0].start;
  end = frags[n - 1].end;
  if (at_end)
    end = step_edge (self, end, grow ? +1 : -1, TRUE);
  else
    start = step_edge (self, start, grow ? -1 : +1, FALSE);
  if (start >= end || (at_end && end <= frags[n - 1].start) || (!at_end && start >= frags[0].end))
    {
      g_free (frags);
      gtk_widget_error_bell (widget);
      return;
    }
  frags[0].start = start;
  frags[n - 1].end = end;
  state = byline_annotation_copy (selected);
  byline_annotation_set_fragments (state, frags, n);
  g_free (frags);
  /* Moving an edge of a suggestion accepts it as changed. */
  if (!byline_window_review_replace (self, selected, state, &error))
    byline_window_add_error_toast (self, error->message);
}

static void
on_undo_toast_button_cb (AdwToast     *toast,
                         BylineWindow *self)
{
  if (self->document != NULL)
    byline_document_undo (self->document);
}

/* win.delete: deletes the selected annotation, with a toast to undo it. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineAnnotation *selected = _byline_window_selected_annotation (self);
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (selected == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  id = g_strdup (byline_annotation_get_id (selected));
  text = byline_document_dup_annotation_text (self->document, selected);
  /* Translators: a toast after a deletion: "Deleted PERSON “Antony Blinken”" */
  title = g_strdup_printf (_("Deleted %s “%s”"), byline_annotation_get_label (selected), text);
  byline_article_view_set_selected (self->article_view, NULL);
  byline_document_remove_annotation (self->document, id);

  /* A toast's title is markup: the article's text may hold a '&'. */
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_button_cb), self, 0);
  byline_window_add_toast_after_frame (self, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->document == NULL)
    return;
  if (g_str_equal (action_name, "win.undo"))
    byline_document_undo (self->document);
  else
    byline_document_redo (self->document);
}

/* win.add-fragment: the selected text becomes one more fragment of the
 * selected annotation (a quote interrupted by "he said"). */
static void
add_fragment_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineAnnotation *selected = _byline_window_selected_annotation (self);
  g_autoptr(BylineAnnotation) state = NULL;
  g_autoptr(GError) error = NULL;
  guint start, end;

  if (selected == NULL ||
      !byline_article_view_get_selection (self->article_view, &start, &end) || start >= end)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  state = byline_annotation_copy (selected);
  if (!byline_annotation_add_fragment (state, start, end))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (!byline_document_replace_annotation (self->document, byline_annotation_get_id (selected),
                                           state, &error))
    byline_window_add_error_toast (self, error->message);
}

/* ---- View settings ----------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  double zoom = byline_article_view_get_zoom (self->article_view);

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom *= 1.1;
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom /= 1.1;
  else
    zoom = 1.0;
  byline_article_view_set_zoom (self->article_view, zoom);
  if (self->settings != NULL)
    g_settings_set_double (self->settings, "zoom", byline_article_view_get_zoom (self->article_view));
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
label_popover_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  byline_window_show_label_popover (self, -1, -1);
}

/**
 * byline_window_class_annotate_init:
 *
 * Installs the annotation actions.
 */
void
byline_window_class_annotate_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.label", "s", label_action);
  gtk_widget_class_install_action (widget_class, "win.label-key", "s", label_key_action);
  gtk_widget_class_install_action (widget_class, "win.label-popover", NULL, label_popover_action);
  gtk_widget_class_install_action (widget_class, "win.next-layer", NULL, next_layer_action);
  gtk_widget_class_install_action (widget_class, "win.previous-layer", NULL, previous_layer_action);
  gtk_widget_class_install_action (widget_class, "win.select-next", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "win.select-previous", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "win.grow-end", NULL, edge_action);
  gtk_widget_class_install_action (widget_class, "win.shrink-end", NULL, edge_action);
  gtk_widget_class_install_action (widget_class, "win.grow-start", NULL, edge_action);
  gtk_widget_class_install_action (widget_class, "win.shrink-start", NULL, edge_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.add-fragment", NULL, add_fragment_action);
  gtk_widget_class_install_action (widget_class, "win.relation", NULL, _byline_window_relation_action);
  gtk_widget_class_install_action (widget_class, "win.relation-type", "s", _byline_window_relation_type_action);
  gtk_widget_class_install_action (widget_class, "win.activate", NULL, _byline_window_activate_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, _byline_window_cancel_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
}

/* The keys that act on the article while it has the focus. Label letters
 * are the schema's own (capitals: shift and the letter), so lower-case
 * letters stay free for commands. */
static const struct
{
  const char *trigger;
  const char *action;
  const char *target;
} view_shortcuts[] = {
  { "Tab", "win.next-layer", NULL },
  { "<Shift>ISO_Left_Tab", "win.previous-layer", NULL },
  { "<Shift>Tab", "win.previous-layer", NULL },
  { "<Alt>Right", "win.select-next", NULL },
  { "<Alt>Left", "win.select-previous", NULL },
  { "<Alt><Shift>Right", "win.grow-end", NULL },
  { "<Alt><Shift>Left", "win.shrink-end", NULL },
  { "<Control><Alt><Shift>Left", "win.grow-start", NULL },
  { "<Control><Alt><Shift>Right", "win.shrink-start", NULL },
  { "Delete", "win.delete", NULL },
  { "BackSpace", "win.delete", NULL },
  { "r", "win.relation", NULL },
  { "f", "win.add-fragment", NULL },
  { "Return", "win.activate", NULL },
  { "KP_Enter", "win.activate", NULL },
  { "Escape", "win.cancel", NULL },
  { "Menu", "win.label-popover", NULL },
  { "<Shift>F10", "win.label-popover", NULL },
  /* Reviewing suggestions (byline-window-review.c). a and x work on a
   * selected suggestion at any time; the others only in review mode,
   * where their actions are enabled: otherwise the keys go on to the
   * text view (shift+arrows select text there). */
  { "a", "win.accept", NULL },
  { "x", "win.reject", NULL },
  { "space", "win.accept-next", NULL },
  { "n", "win.review-next", NULL },
  { "p", "win.review-previous", NULL },
  { "e", "win.review-relabel", NULL },
  { "b", "win.review-bulk", NULL },
  { "<Shift>Right", "win.review-grow-end", NULL },
  { "<Shift>Left", "win.review-shrink-end", NULL },
  { "<Control><Shift>Left", "win.review-grow-start", NULL },
  { "<Control><Shift>Right", "win.review-shrink-start", NULL },
};

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action,
              GVariant              *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_named_action_new (action));

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Digits and the current schema's label keys. */
static void
add_label_shortcuts (GtkShortcutController *controller,
                     BylineSchema          *schema)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint d = 1; d <= 9; d++)
    {
      char key[2] = { (char) ('0' + d), '\0' };

      add_shortcut (controller, key, "win.label-key", g_variant_new_string (key));
      /* The keypad too. */
      {
        g_autofree char *kp = g_strdup_printf ("KP_%u", d);
        add_shortcut (controller, kp, "win.label-key", g_variant_new_string (key));
      }
    }
  for (guint l = 0; schema != NULL && l < byline_schema_get_n_layers (schema); l++)
    {
      const BylineLayer *layer = byline_schema_get_layer (schema, l);

      for (guint i = 0; i < layer->labels->len; i++)
        {
          const BylineLabel *label = layer->labels->pdata[i];
          gunichar c;
          g_autofree char *trigger = NULL;

          if (label->key == NULL || g_hash_table_contains (seen, label->key))
            continue;
          g_hash_table_add (seen, g_strdup (label->key));
          c = g_utf8_get_char (label->key);
          /* GTK names an upper-case letter's key by the letter, with shift. */
          if (g_unichar_isupper (c))
            {
              char lower[8] = { 0 };

              g_unichar_to_utf8 (g_unichar_tolower (c), lower);
              trigger = g_strdup_printf ("<Shift>%s", lower);
            }
          else
            trigger = g_strdup (label->key);
          add_shortcut (controller, trigger, "win.label-key", g_variant_new_string (label->key));
        }
    }
}

/* ---- Keeping the parts in step ----------------------------------------- */

/* A row activated in the list: show it in the article, ready for keys. */
static void
on_panel_activated_cb (BylineAnnotationPanel *panel,
                       BylineAnnotation      *annotation,
                       BylineWindow          *self)
{
  byline_article_view_set_selected (self->article_view, annotation);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
on_palette_label_cb (BylineLabelPalette *palette,
                     const char         *label,
                     BylineWindow       *self)
{
  byline_window_apply_label (self, label);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
on_context_menu_cb (BylineArticleView *view,
                    double             x,
                    double             y,
                    BylineWindow      *self)
{
  byline_window_show_label_popover (self, x, y);
}

static void
update_history_actions (BylineWindow *self)
{
  gboolean has_doc = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_doc && byline_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_doc && byline_document_can_redo (self->document));
}

static void
on_history_notify_cb (BylineHistory *history,
                      GParamSpec    *pspec,
                      BylineWindow  *self)
{
  update_history_actions (self);
}

static void
on_snapping_state_cb (GSimpleAction *action,
                      GVariant      *value,
                      BylineWindow  *self)
{
  g_simple_action_set_state (action, value);
  byline_article_view_set_snapping (self->article_view, g_variant_get_boolean (value));
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "snapping", g_variant_get_boolean (value));
}

static void
on_show_layer_state_cb (GSimpleAction *action,
                        GVariant      *value,
                        BylineWindow  *self)
{
  const char *layer = g_action_get_name (G_ACTION (action)) + strlen ("show-");

  g_simple_action_set_state (action, value);
  byline_article_view_set_layer_visible (self->article_view, layer, g_variant_get_boolean (value));
}

/* One toggle button per layer of the schema, in the header bar. */
static void
rebuild_layer_switcher (BylineWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->layer_switcher))) != NULL)
    gtk_box_remove (self->layer_switcher, child);
  for (guint i = 0; self->schema != NULL && i < byline_schema_get_n_layers (self->schema); i++)
    {
      const BylineLayer *layer = byline_schema_get_layer (self->schema, i);
      GtkWidget *button = gtk_toggle_button_new_with_label (layer->title);
      g_autofree char *tooltip = g_strdup_printf (_("Annotate %s (Tab cycles layers)"), layer->title);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "annotate.layer");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (layer->name));
      byline_gui_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, layer->title, -1);
      gtk_box_append (self->layer_switcher, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->layer_switcher), self->schema != NULL);
}

static void
add_layer_visibility_actions (BylineWindow *self)
{
  for (guint i = 0; self->schema != NULL && i < byline_schema_get_n_layers (self->schema); i++)
    {
      const BylineLayer *layer = byline_schema_get_layer (self->schema, i);
      g_autofree char *name = g_strdup_printf ("show-%s", layer->name);
      GSimpleAction *action;

      if (g_action_map_lookup_action (G_ACTION_MAP (self->layer_actions), name) != NULL)
        continue;
      action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
      g_signal_connect (action, "change-state", G_CALLBACK (on_show_layer_state_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->layer_actions), G_ACTION (action));
      g_object_unref (action);
    }
}

/**
 * byline_window_annotate_init:
 *
 * Connects the article view, the panel, the palette and the layer buttons.
 */
void
byline_window_annotate_init (BylineWindow *self)
{
  GtkEventController *controller;
  GSimpleAction *action;
  gboolean snapping = TRUE;

  self->layer_actions = g_simple_action_group_new ();
  action = g_simple_action_new_stateful ("layer", G_VARIANT_TYPE_STRING, g_variant_new_string ("entities"));
  g_signal_connect (action, "change-state", G_CALLBACK (on_layer_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self->layer_actions), G_ACTION (action));
  g_object_unref (action);
  if (self->settings != NULL)
    snapping = g_settings_get_boolean (self->settings, "snapping");
  action = g_simple_action_new_stateful ("snapping", NULL, g_variant_new_boolean (snapping));
  g_signal_connect (action, "change-state", G_CALLBACK (on_snapping_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self->layer_actions), G_ACTION (action));
  g_object_unref (action);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "annotate", G_ACTION_GROUP (self->layer_actions));
  byline_article_view_set_snapping (self->article_view, snapping);
  if (self->settings != NULL)
    {
      byline_article_view_set_zoom (self->article_view, g_settings_get_double (self->settings, "zoom"));
      g_settings_bind (self->settings, "panel-visible", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);
    }

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "byline-annotation-keys");
  for (guint i = 0; i < G_N_ELEMENTS (view_shortcuts); i++)
    add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), view_shortcuts[i].trigger,
                  view_shortcuts[i].action,
                  view_shortcuts[i].target ? g_variant_new_string (view_shortcuts[i].target) : NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->article_view), controller);
  self->label_shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->label_shortcuts), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (self->label_shortcuts), "byline-label-keys");
  gtk_widget_add_controller (GTK_WIDGET (self->article_view), GTK_EVENT_CONTROLLER (self->label_shortcuts));

  g_signal_connect (self->article_view, "target-picked", G_CALLBACK (_byline_window_on_target_picked_cb), self);
  /* The article and the panel select the same annotation; the binding
   * stops the echo of its own change. */
  g_object_bind_property (self->article_view, "selected", self->annotation_panel, "selected",
                          G_BINDING_BIDIRECTIONAL);
  g_signal_connect (self->article_view, "context-menu-requested", G_CALLBACK (on_context_menu_cb), self);
  g_signal_connect (self->annotation_panel, "annotation-activated", G_CALLBACK (on_panel_activated_cb), self);
  g_signal_connect (self->label_palette, "label-activated", G_CALLBACK (on_palette_label_cb), self);
  update_history_actions (self);
}

/* The label and relation popovers are made when first shown: most
 * windows never show them, and a popover menu is 1 % of opening the
 * sample article. */
GtkPopover *
_byline_window_ensure_popover (BylineWindow  *self,
                               GtkWidget    **popover)
{
  if (*popover == NULL)
    {
      *popover = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (*popover, GTK_WIDGET (self->article_view));
    }
  return GTK_POPOVER (*popover);
}

void
byline_window_annotate_dispose (BylineWindow *self)
{
  g_clear_pointer (&self->label_popover, gtk_widget_unparent);
  g_clear_pointer (&self->relation_popover, gtk_widget_unparent);
  g_clear_object (&self->relation_source);
  g_clear_object (&self->relation_target);
  g_clear_object (&self->layer_actions);
  g_clear_object (&self->schema);
  g_clear_pointer (&self->search_matches, g_array_unref);
  g_clear_pointer (&self->layer, g_free);
}

/* The article's own title and source above its text. */
static void
update_article_header (BylineWindow *self)
{
  const char *title = NULL;
  const char *source = NULL;
  const char *published = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  if (self->document != NULL)
    {
      title = byline_document_get_meta_string (self->document, BYLINE_META_TITLE);
      source = byline_document_get_meta_string (self->document, BYLINE_META_SOURCE);
      published = byline_document_get_meta_string (self->document, BYLINE_META_PUBLISHED);
    }
  if (title == NULL && self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      gtk_label_set_text (self->article_title, name);
    }
  else
    gtk_label_set_text (self->article_title, title ? title : "");
  if (source != NULL)
    g_string_append (line, source);
  if (published != NULL)
    g_string_append_printf (line, "%s%s", line->len ? " · " : "", published);
  gtk_label_set_text (self->article_source, line->str);
  gtk_widget_set_visible (GTK_WIDGET (self->article_source), line->len > 0);
}

/**
 * byline_window_annotate_set_document:
 *
 * Shows the window's (new) document in the view, the panel and the
 * palette, with its schema.
 */
void
byline_window_annotate_set_document (BylineWindow *self)
{
  BylineHistory *history;
  GListModel *shortcuts;
  g_autofree char *last_layer = NULL;

  g_clear_object (&self->relation_source);
  g_clear_object (&self->relation_target);
  g_clear_object (&self->schema);
  if (self->document != NULL)
    {
      /* Only the bundled news schema is known for now; a document made
       * with another one still opens, its unknown labels kept. */
      self->schema = byline_schema_get_default ();
    }

  byline_article_view_set_document (self->article_view, self->document, self->schema);
  byline_annotation_panel_set_document (self->annotation_panel, self->document, self->schema);
  byline_label_palette_set_document (self->label_palette, self->document, self->schema);
  byline_window_search_reset (self);
  update_article_header (self);

  shortcuts = G_LIST_MODEL (self->label_shortcuts);
  while (g_list_model_get_n_items (shortcuts) > 0)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, 0);
      gtk_shortcut_controller_remove_shortcut (self->label_shortcuts, shortcut);
    }
  add_label_shortcuts (self->label_shortcuts, self->schema);
  add_layer_visibility_actions (self);
  rebuild_layer_switcher (self);

  if (self->schema != NULL)
    {
      if (self->settings != NULL)
        last_layer = g_settings_get_string (self->settings, "last-layer");
      if (last_layer == NULL || byline_schema_lookup_layer (self->schema, last_layer) == NULL)
        {
          g_free (last_layer);
          last_layer = g_strdup (byline_schema_get_layer (self->schema, 0)->name);
        }
      byline_window_set_layer (self, last_layer);
    }

  if (self->document != NULL)
    {
      /* A former document's history may still notify: the handler reads
       * the window's current document, so that is harmless. */
      history = byline_document_get_history (self->document);
      g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (on_history_notify_cb), self, 0);
      g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (on_history_notify_cb), self, 0);
    }
  update_history_actions (self);
}

/**
 * byline_window_show_label_popover:
 * @x: where to point, in the article view's coordinates, or -1 for the
 *   selection's end
 * @y: likewise
 *
 * Opens a menu of the current layer's labels at the selection: the mouse
 * user's way to label, and the context-menu key's.
 */
void
byline_window_show_label_popover (BylineWindow *self,
                                  double        x,
                                  double        y)
{
  const BylineLayer *layer;
  g_autoptr(GMenu) menu = g_menu_new ();
  GdkRectangle rect;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  if (self->schema == NULL || (layer = byline_schema_lookup_layer (self->schema, self->layer)) == NULL)
    return;
  for (guint i = 0; i < layer->labels->len; i++)
    {
      const BylineLabel *label = layer->labels->pdata[i];
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *text = NULL;

      if (i < 9)
        text = g_strdup_printf ("_%u  %s", i + 1, label->title);
      else
        text = g_strdup (label->title);
      item = g_menu_item_new (text, NULL);
      g_menu_item_set_action_and_target_value (item, "win.label", g_variant_new_string (label->name));
      g_menu_append_item (menu, item);
    }
  _byline_window_ensure_popover (self, &self->label_popover);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->label_popover), G_MENU_MODEL (menu));

  if (x < 0 || y < 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
      GtkTextIter iter;
      GdkRectangle location;
      int wx, wy;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->article_view), &iter, &location);
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self->article_view), GTK_TEXT_WINDOW_WIDGET,
                                             location.x, location.y, &wx, &wy);
      rect.x = wx;
      rect.y = wy;
      rect.width = 1;
      rect.height = location.height;
    }
  else
    {
      rect.x = (int) x;
      rect.y = (int) y;
      rect.width = rect.height = 1;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->label_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->label_popover));
}
