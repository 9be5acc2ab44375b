/* byline-review-bulk.c: deciding many suggestions at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.accept-all accepts the undecided suggestions of a label (or all)
 * with at least a confidence; win.reject-origin rejects the undecided
 * suggestions of one origin (an extractor, a model). Each is one undoable
 * step, with a toast to undo it. The review bar's Bulk popover (b in
 * review mode) offers both, with the labels and origins there are and how
 * many each would decide.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-review-private.h"

/* The undecided suggestions a bulk action decides. */
static GPtrArray *
collect_undecided (BylineWindow *self,
                   const char   *label,
                   double        min_confidence,
                   const char   *origin)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *items;

  _byline_review_ensure_items (self);
  items = self->review->items;
  for (guint i = 0; i < items->len; i++)
    {
      BylineAnnotation *a = items->pdata[i];
      double confidence = 0;

      if (byline_annotation_get_status (a) != BYLINE_STATUS_SUGGESTED)
        continue;
      if (label != NULL && g_strcmp0 (byline_annotation_get_label (a), label) != 0)
        continue;
      if (origin != NULL && g_strcmp0 (byline_annotation_get_origin (a), origin) != 0)
        continue;
      /* A threshold leaves out suggestions without a confidence. */
      if (min_confidence > 0 &&
          (!byline_annotation_get_confidence (a, &confidence) || confidence < min_confidence - 1e-9))
        continue;
      g_ptr_array_add (found, g_object_ref (a));
    }
  return found;
}

static guint
decide_all (BylineWindow *self,
            GPtrArray    *annotations,
            BylineStatus  status,
            const char   *description)
{
  g_autofree char *reviewer = byline_window_dup_reviewer (self);
  guint n = 0;

  byline_document_begin_group (self->document, description);
  for (guint i = 0; i < annotations->len; i++)
    {
      if (_byline_review_decide_one (self, annotations->pdata[i], status, reviewer))
        n++;
    }
  byline_document_end_group (self->document);
  return n;
}

/* win.accept-all ((sd): a label, "" for all, and the lowest confidence):
 * one undoable step, with a toast to undo it. */
static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *title = NULL;
  const char *label;
  double min_confidence;
  guint n;

  if (self->document == NULL)
    return;
  g_variant_get (parameter, "(&sd)", &label, &min_confidence);
  targets = collect_undecided (self, label[0] != '\0' ? label : NULL, min_confidence, NULL);
  if (targets->len == 0)
    {
      byline_window_add_error_toast (self, _("No undecided suggestions match"));
      return;
    }
  n = decide_all (self, targets, BYLINE_STATUS_ACCEPTED, _("Accept All"));
  if (label[0] != '\0')
    /* TRANSLATORS: a toast: "Accepted 12 PERSON suggestions with confidence ≥ 0.80" */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Accepted %u %s suggestion with confidence ≥ %.2f",
                                          "Accepted %u %s suggestions with confidence ≥ %.2f", n),
                             n, label, min_confidence);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Accepted %u suggestion with confidence ≥ %.2f",
                                          "Accepted %u suggestions with confidence ≥ %.2f", n),
                             n, min_confidence);
  _byline_review_add_undo_toast (self, title);
}

/* win.reject-origin (s: an origin): one undoable step, with a toast. */
static void
reject_origin_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  const char *origin = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (self->document == NULL)
    return;
  targets = collect_undecided (self, NULL, 0, origin);
  if (targets->len == 0)
    {
      byline_window_add_error_toast (self, _("No undecided suggestions match"));
      return;
    }
  n = decide_all (self, targets, BYLINE_STATUS_REJECTED, _("Reject All"));
  /* TRANSLATORS: a toast: "Rejected 30 suggestions from rules:claims" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Rejected %u suggestion from %s",
                                        "Rejected %u suggestions from %s", n),
                           n, origin);
  _byline_review_add_undo_toast (self, title);
}

/* win.review-bulk (b, review mode): the bar's Bulk popover. */
static void
bulk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->review->bar == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->review->bulk_button)))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  gtk_menu_button_popup (self->review->bulk_button);
}

/* The bulk popover: the labels and origins of the undecided suggestions,
 * with how many each has; the buttons say how many they decide. A choice
 * made before stays chosen while it is still there. */
static void
fill_dropdown (GtkDropDown *dropdown,
               GPtrArray   *names,
               GPtrArray   *strings,
               const char  *keep)
{
  g_autoptr(GtkStringList) model = NULL;
  guint position = 0;

  g_ptr_array_add (strings, NULL);
  model = gtk_string_list_new ((const char * const *) strings->pdata);
  g_ptr_array_remove_index (strings, strings->len - 1);
  for (guint i = 0; keep != NULL && i < names->len; i++)
    {
      if (g_strcmp0 (names->pdata[i], keep) == 0)
        position = i;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, position);
}

static const char *
dropdown_name (GtkDropDown *dropdown,
               GPtrArray   *names)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (names == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= names->len)
    return NULL;
  return names->pdata[selected];
}

static void
count_into (GHashTable *counts,
            GPtrArray  *order,
            const char *name)
{
  gpointer n;

  if (name == NULL)
    return;
  n = g_hash_table_lookup (counts, name);
  if (n == NULL)
    g_ptr_array_add (order, (gpointer) name);
  g_hash_table_insert (counts, (gpointer) name, GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
update_bulk_buttons (BylineWindow *self)
{
  BylineWindowReview *r = self->review;
  const char *label = dropdown_name (r->bulk_label_dropdown, r->bulk_labels);
  const char *origin = dropdown_name (r->bulk_origin_dropdown, r->bulk_origins);
  g_autoptr(GPtrArray) accept = collect_undecided (self, label,
                                                   gtk_spin_button_get_value (r->bulk_confidence), NULL);
  g_autoptr(GPtrArray) reject = origin != NULL ? collect_undecided (self, NULL, 0, origin)
                                               : g_ptr_array_new ();
  g_autofree char *accept_text = NULL;
  g_autofree char *reject_text = NULL;

  accept_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accept %u Suggestion",
                                              "Accept %u Suggestions", accept->len), accept->len);
  reject_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reject %u Suggestion",
                                              "Reject %u Suggestions", reject->len), reject->len);
  gtk_button_set_label (r->bulk_accept_button, accept_text);
  gtk_button_set_label (r->bulk_reject_button, reject_text);
  gtk_widget_set_sensitive (GTK_WIDGET (r->bulk_accept_button), accept->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (r->bulk_reject_button), reject->len > 0);
}

static void
on_bulk_popover_show_cb (BylineWindow *self)
{
  BylineWindowReview *r = self->review;
  g_autoptr(GHashTable) label_counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) origin_counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) origins = g_ptr_array_new ();
  g_autoptr(GPtrArray) label_strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) origin_strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) undecided = collect_undecided (self, NULL, 0, NULL);
  /* Interned: they outlive the annotations. */
  const char *keep_label = dropdown_name (r->bulk_label_dropdown, r->bulk_labels);
  const char *keep_origin = dropdown_name (r->bulk_origin_dropdown, r->bulk_origins);
  g_autoptr(GPtrArray) label_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) origin_names = g_ptr_array_new ();

  for (guint i = 0; i < undecided->len; i++)
    {
      count_into (label_counts, labels, byline_annotation_get_label (undecided->pdata[i]));
      count_into (origin_counts, origins, byline_annotation_get_origin (undecided->pdata[i]));
    }
  g_ptr_array_sort (labels, compare_strings);
  g_ptr_array_sort (origins, compare_strings);

  g_ptr_array_add (label_names, NULL);
  /* TRANSLATORS: the bulk popover's first label choice, with a count */
  g_ptr_array_add (label_strings, g_strdup_printf (_("All labels (%u)"), undecided->len));
  for (guint i = 0; i < labels->len; i++)
    {
      g_ptr_array_add (label_names, (gpointer) g_intern_string (labels->pdata[i]));
      g_ptr_array_add (label_strings, g_strdup_printf ("%s (%u)", (char *) labels->pdata[i],
                                                       GPOINTER_TO_UINT (g_hash_table_lookup (label_counts, labels->pdata[i]))));
    }
  for (guint i = 0; i < origins->len; i++)
    {
      g_ptr_array_add (origin_names, (gpointer) g_intern_string (origins->pdata[i]));
      g_ptr_array_add (origin_strings, g_strdup_printf ("%s (%u)", (char *) origins->pdata[i],
                                                        GPOINTER_TO_UINT (g_hash_table_lookup (origin_counts, origins->pdata[i]))));
    }

  /* No counting while the models change under the drop-downs. */
  g_clear_pointer (&r->bulk_labels, g_ptr_array_unref);
  g_clear_pointer (&r->bulk_origins, g_ptr_array_unref);
  fill_dropdown (r->bulk_label_dropdown, label_names, label_strings, keep_label);
  fill_dropdown (r->bulk_origin_dropdown, origin_names, origin_strings, keep_origin);
  r->bulk_labels = g_steal_pointer (&label_names);
  r->bulk_origins = g_steal_pointer (&origin_names);
  update_bulk_buttons (self);
}

static void
on_bulk_changed_cb (BylineWindow *self)
{
  if (self->review->bulk_labels != NULL && self->review->bulk_origins != NULL)
    update_bulk_buttons (self);
}

static void
on_bulk_accept_clicked_cb (BylineWindow *self)
{
  BylineWindowReview *r = self->review;
  const char *label = dropdown_name (r->bulk_label_dropdown, r->bulk_labels);

  gtk_popover_popdown (r->bulk_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.accept-all", "(sd)",
                              label != NULL ? label : "",
                              gtk_spin_button_get_value (r->bulk_confidence));
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
on_bulk_reject_clicked_cb (BylineWindow *self)
{
  BylineWindowReview *r = self->review;
  const char *origin = dropdown_name (r->bulk_origin_dropdown, r->bulk_origins);

  gtk_popover_popdown (r->bulk_popover);
  if (origin != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.reject-origin", "s", origin);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/* GTK 4.8's drop-down takes the focus with a toggle button of its own,
 * which screen readers find without a name: it gets the drop-down's. */
static void
name_dropdown_button (GtkDropDown *dropdown,
                      const char  *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
    }
}

void
_byline_review_bulk_add_callbacks (GtkBuilderCScope *scope)
{
  gtk_builder_cscope_add_callback_symbols (scope,
                                           "on_bulk_popover_show_cb", G_CALLBACK (on_bulk_popover_show_cb),
                                           "on_bulk_changed_cb", G_CALLBACK (on_bulk_changed_cb),
                                           "on_bulk_accept_clicked_cb", G_CALLBACK (on_bulk_accept_clicked_cb),
                                           "on_bulk_reject_clicked_cb", G_CALLBACK (on_bulk_reject_clicked_cb),
                                           NULL);
}

/* Once the bar is built. */
void
_byline_review_bulk_setup (BylineWindow *self)
{
  name_dropdown_button (self->review->bulk_label_dropdown, _("Label to Accept"));
  name_dropdown_button (self->review->bulk_origin_dropdown, _("Origin to Reject"));
}

void
_byline_review_bulk_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.review-bulk", NULL, bulk_action);
  gtk_widget_class_install_action (widget_class, "win.accept-all", "(sd)", accept_all_action);
  gtk_widget_class_install_action (widget_class, "win.reject-origin", "s", reject_origin_action);
}
