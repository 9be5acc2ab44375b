/* byline-window-search.c: find in the article, and label every match
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Searching runs over the text buffer, which holds the article exactly as
 * stored, so a match's iters give code-point offsets the model uses as is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-window-private.h"

/* Every match of the search text, as (start, end) code-point pairs. */
static GArray *
find_all (BylineWindow *self)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (BylineFragment));
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  GtkTextIter iter, match_start, match_end;

  if (needle == NULL || *needle == '\0')
    return matches;
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                       &match_start, &match_end, NULL))
    {
      BylineFragment f = { (guint) gtk_text_iter_get_offset (&match_start),
                           (guint) gtk_text_iter_get_offset (&match_end) };

      g_array_append_val (matches, f);
      iter = match_end;
    }
  return matches;
}

static void
update_matches (BylineWindow *self)
{
  g_autofree char *text = NULL;

  g_clear_pointer (&self->search_matches, g_array_unref);
  self->search_matches = find_all (self);
  self->search_position = 0;
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    text = g_strdup ("");
  else if (self->search_matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    text = g_strdup_printf (g_dngettext (NULL, "%u match", "%u matches", self->search_matches->len),
                            self->search_matches->len);
  gtk_label_set_text (self->search_count, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.label-matches",
                                 self->search_matches->len > 0 && self->last_label != NULL);
}

static void
show_match (BylineWindow *self,
            guint         position)
{
  const BylineFragment *f;

  if (self->search_matches == NULL || self->search_matches->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  self->search_position = position % self->search_matches->len;
  f = &g_array_index (self->search_matches, BylineFragment, self->search_position);
  byline_article_view_select_range (self->article_view, f->start, f->end);
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      BylineWindow   *self)
{
  update_matches (self);
  if (self->search_matches->len > 0)
    show_match (self, 0);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  guint n = self->search_matches ? self->search_matches->len : 0;

  if (n == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (g_str_equal (action_name, "win.find-next"))
    show_match (self, self->search_position + 1);
  else
    show_match (self, self->search_position + n - 1);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * byline_window_label_matches:
 * @label: the label to give every match
 *
 * Labels every match of the search that is not already labeled with
 * @label, as one undoable step.
 *
 * Returns: how many annotations were added
 */
guint
byline_window_label_matches (BylineWindow *self,
                             const char   *label)
{
  const BylineLabel *def;
  g_autofree char *description = NULL;
  guint added = 0;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), 0);

  if (self->document == NULL || self->schema == NULL || self->search_matches == NULL)
    return 0;
  def = byline_schema_lookup_label (self->schema, label);
  if (def == NULL)
    return 0;

  description = g_strdup_printf (_("Label all matches as %s"), def->name);
  byline_document_begin_group (self->document, description);
  for (guint i = 0; i < self->search_matches->len; i++)
    {
      const BylineFragment *f = &g_array_index (self->search_matches, BylineFragment, i);
      g_autoptr(GPtrArray) there = byline_document_query (self->document, f->start, f->end);
      g_autoptr(BylineAnnotation) annotation = NULL;
      gboolean exists = FALSE;

      for (guint k = 0; k < there->len && !exists; k++)
        {
          BylineAnnotation *a = there->pdata[k];

          exists = byline_annotation_get_label (a) == g_intern_string (def->name) &&
                   byline_annotation_get_start (a) == f->start &&
                   byline_annotation_get_end (a) == f->end;
        }
      if (exists)
        continue;
      annotation = byline_annotation_new (def->layer->name, def->name, f->start, f->end);
      byline_annotation_set_origin (annotation, g_get_user_name ());
      if (byline_document_add_annotation (self->document, annotation, NULL) != NULL)
        added++;
    }
  byline_document_end_group (self->document);
  return added;
}

static void
label_matches_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autofree char *msg = NULL;
  guint added;

  if (self->last_label == NULL)
    return;
  added = byline_window_label_matches (self, self->last_label);
  msg = g_strdup_printf (g_dngettext (NULL, "Labeled %u match as %s", "Labeled %u matches as %s", added),
                         added, self->last_label);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (msg));
}

static void
on_search_activate_cb (GtkSearchEntry *entry,
                       BylineWindow   *self)
{
  find_next_action (GTK_WIDGET (self), "win.find-next", NULL);
}

static void
on_search_stop_cb (GtkSearchEntry *entry,
                   BylineWindow   *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

void
byline_window_class_search_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.label-matches", NULL, label_matches_action);
}

/* GTK 4.8's search bar has a close button of its own, an icon without a
 * name for screen readers. */
static void
name_search_bar_close_button (GtkWidget *widget,
                              GtkWidget *content)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child == content)
        continue;
      if (GTK_IS_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close Search"),
                                        -1);
      else
        name_search_bar_close_button (child, content);
    }
}

void
byline_window_search_init (BylineWindow *self)
{
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_search_stop_cb), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  name_search_bar_close_button (GTK_WIDGET (self->search_bar),
                                gtk_search_bar_get_child (self->search_bar));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.label-matches", FALSE);
}

/* A new document: the matches were of the old text. */
void
byline_window_search_reset (BylineWindow *self)
{
  g_clear_pointer (&self->search_matches, g_array_unref);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}
