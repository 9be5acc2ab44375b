/* byline-window-review.c: reviewing suggestions from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A suggestion is decided by accepting it (a, space, the bar's Accept, the
 * inspector's), rejecting it (x), or editing its label or edges, which
 * accepts it as changed. Every decision records the reviewer (the
 * "reviewer" setting, or the user's name) and is one undoable step; the
 * suggested relations of a decided annotation follow it (rejected with it,
 * accepted once both ends are). Rejected suggestions stay in the file:
 * review decisions are data too.
 *
 * Review mode (win.review) adds a bar above the article ("Suggestion 12
 * of 85", decided of total) and the keys that step through the undecided
 * suggestions (n, p, space), fix them (e, shift+arrows) and leave (Escape).
 * The current suggestion is the article's selected annotation, so the
 * mouse, alt+arrows and the panel's list all move it too. Bulk decisions
 * are in byline-review-bulk.c, Suggest in byline-review-suggest.c.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-gui-private.h"
#include "byline-review-private.h"

#define REVIEW_BAR_UI "/io/github/byline/Byline/byline-review-bar.ui"

/* The actions only review mode enables; their keys pass to the text view
 * otherwise. */
static const char * const review_only_actions[] = {
  "win.accept-next",
  "win.review-next",
  "win.review-previous",
  "win.review-relabel",
  "win.review-bulk",
  "win.review-grow-end",
  "win.review-shrink-end",
  "win.review-grow-start",
  "win.review-shrink-start",
};

static void schedule_refresh (BylineWindow *self);

/* ---- Who decides ------------------------------------------------------- */

/**
 * byline_window_dup_reviewer:
 *
 * Returns: (transfer full): the name recorded with this window's
 *   decisions: the "reviewer" setting, else the user's real name, else
 *   the login name
 */
char *
byline_window_dup_reviewer (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  if (self->settings != NULL)
    {
      g_autofree char *setting = g_settings_get_string (self->settings, "reviewer");

      g_strstrip (setting);
      if (setting[0] != '\0')
        return g_steal_pointer (&setting);
    }
  return g_strdup (_byline_review_get_default_reviewer ());
}

/* The name an empty "reviewer" setting stands for. */
const char *
_byline_review_get_default_reviewer (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the system has no real name. */
  if (name == NULL || name[0] == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

/* ---- Decisions --------------------------------------------------------- */

static gboolean
is_confirmed (BylineStatus status)
{
  return status == BYLINE_STATUS_MANUAL || status == BYLINE_STATUS_ACCEPTED;
}

/* The suggested relations of @annotation, just decided, follow it:
 * rejected when either end is, accepted when both ends are confirmed. */
static void
decide_relations (BylineDocument   *document,
                  BylineAnnotation *annotation)
{
  const char *id = byline_annotation_get_id (annotation);
  g_autoptr(GPtrArray) relations = byline_document_get_relations_of (document, id);
  BylineStatus status = byline_annotation_get_status (annotation);

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *relation = relations->pdata[i];
      const char *other_id = g_strcmp0 (byline_relation_get_from (relation), id) == 0
                             ? byline_relation_get_to (relation)
                             : byline_relation_get_from (relation);
      BylineAnnotation *other = byline_document_lookup_annotation (document, other_id);
      BylineStatus other_status;
      g_autoptr(BylineRelation) state = NULL;
      BylineStatus decided;

      if (byline_relation_get_status (relation) != BYLINE_STATUS_SUGGESTED || other == NULL)
        continue;
      other_status = byline_annotation_get_status (other);
      if (status == BYLINE_STATUS_REJECTED || other_status == BYLINE_STATUS_REJECTED)
        decided = BYLINE_STATUS_REJECTED;
      else if (is_confirmed (status) && is_confirmed (other_status))
        decided = BYLINE_STATUS_ACCEPTED;
      else
        continue;
      state = byline_relation_copy (relation);
      byline_relation_set_status (state, decided);
      byline_document_replace_relation (document, byline_relation_get_id (relation), state, NULL);
    }
}

/* One decision, inside a group the caller opened (bulk decisions make
 * many in one). */
gboolean
_byline_review_decide_one (BylineWindow     *self,
                           BylineAnnotation *annotation,
                           BylineStatus      status,
                           const char       *reviewer)
{
  g_autoptr(BylineAnnotation) state = byline_annotation_copy (annotation);
  g_autoptr(GError) error = NULL;

  byline_annotation_set_status (state, status);
  byline_annotation_set_reviewer (state, reviewer);
  if (!byline_document_replace_annotation (self->document, byline_annotation_get_id (annotation),
                                           state, &error))
    {
      byline_window_add_error_toast (self, error->message);
      return FALSE;
    }
  decide_relations (self->document, annotation);
  return TRUE;
}

/* Accepts or rejects @annotation as one undoable step. */
static gboolean
decide (BylineWindow     *self,
        BylineAnnotation *annotation,
        BylineStatus      status)
{
  g_autofree char *reviewer = byline_window_dup_reviewer (self);
  gboolean ok;

  byline_document_begin_group (self->document,
                               status == BYLINE_STATUS_ACCEPTED ? _("Accept") : _("Reject"));
  ok = _byline_review_decide_one (self, annotation, status, reviewer);
  byline_document_end_group (self->document);
  return ok;
}

/**
 * byline_window_review_replace:
 * @annotation: an annotation of the window's document
 * @state: its new label or extent (an edited copy)
 *
 * Replaces @annotation with @state. Editing a suggestion is reviewing it:
 * it is accepted as changed, by this window's reviewer, in the same
 * undoable step.
 *
 * Returns: %TRUE when the annotation was changed
 */
gboolean
byline_window_review_replace (BylineWindow      *self,
                              BylineAnnotation  *annotation,
                              BylineAnnotation  *state,
                              GError           **error)
{
  g_autofree char *reviewer = NULL;
  gboolean ok;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  if (byline_annotation_get_status (annotation) != BYLINE_STATUS_SUGGESTED)
    return byline_document_replace_annotation (self->document, byline_annotation_get_id (annotation),
                                               state, error);

  reviewer = byline_window_dup_reviewer (self);
  byline_annotation_set_status (state, BYLINE_STATUS_ACCEPTED);
  byline_annotation_set_reviewer (state, reviewer);
  byline_document_begin_group (self->document, _("Accept as Changed"));
  ok = byline_document_replace_annotation (self->document, byline_annotation_get_id (annotation),
                                           state, error);
  if (ok)
    decide_relations (self->document, annotation);
  byline_document_end_group (self->document);
  return ok;
}

/* ---- The suggestions, in reading order --------------------------------- */

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return byline_annotation_compare (*(BylineAnnotation **) a, *(BylineAnnotation **) b);
}

static gboolean
is_reviewable (BylineWindow     *self,
               BylineAnnotation *annotation)
{
  return annotation != NULL &&
         byline_annotation_get_status (annotation) != BYLINE_STATUS_MANUAL &&
         byline_article_view_get_layer_visible (self->article_view,
                                                byline_annotation_get_layer (annotation));
}

static gboolean
is_decided (BylineAnnotation *annotation)
{
  BylineStatus status = byline_annotation_get_status (annotation);

  return status == BYLINE_STATUS_ACCEPTED || status == BYLINE_STATUS_REJECTED;
}

/* A scan of the document's annotations, at most once per change: a
 * keypress makes one change, and 50,000 annotations scan in a
 * millisecond or two. */
void
_byline_review_ensure_items (BylineWindow *self)
{
  BylineWindowReview *r = self->review;
  guint n;

  if (!r->dirty)
    return;
  r->dirty = FALSE;
  g_ptr_array_set_size (r->items, 0);
  r->n_decided = 0;
  if (self->document == NULL)
    return;
  n = byline_document_get_n_annotations (self->document);
  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *annotation = byline_document_get_annotation (self->document, i);

      if (!is_reviewable (self, annotation))
        continue;
      g_ptr_array_add (r->items, g_object_ref (annotation));
      if (is_decided (annotation))
        r->n_decided++;
    }
  g_ptr_array_sort (r->items, compare_annotations);
}

static guint
item_index (BylineWindow     *self,
            BylineAnnotation *annotation)
{
  guint i;

  if (annotation != NULL && g_ptr_array_find (self->review->items, annotation, &i))
    return i;
  return G_MAXUINT;
}

/* The undecided suggestion after (@direction > 0) or before @from,
 * round the end of the article; @from itself only when it is the last
 * one left. Without @from, the first at or after the cursor (or the last
 * before it). */
static BylineAnnotation *
find_undecided (BylineWindow     *self,
                BylineAnnotation *from,
                int               direction)
{
  GPtrArray *items;
  guint n;
  guint index;
  guint begin;

  _byline_review_ensure_items (self);
  items = self->review->items;
  n = items->len;
  if (n == 0)
    return NULL;

  index = item_index (self, from);
  if (index != G_MAXUINT)
    {
      begin = direction > 0 ? (index + 1) % n : (index + n - 1) % n;
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
      GtkTextIter cursor;
      guint offset;
      guint first_after = 0;

      if (from != NULL)
        {
          offset = byline_annotation_get_start (from);
        }
      else
        {
          gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
          offset = (guint) gtk_text_iter_get_offset (&cursor);
        }
      while (first_after < n && byline_annotation_get_start (items->pdata[first_after]) < offset)
        first_after++;
      begin = direction > 0 ? first_after % n : (first_after + n - 1) % n;
    }

  for (guint k = 0; k < n; k++)
    {
      guint i = direction > 0 ? (begin + k) % n : (begin + n - k) % n;
      BylineAnnotation *candidate = items->pdata[i];

      if (byline_annotation_get_status (candidate) == BYLINE_STATUS_SUGGESTED)
        return candidate;
    }
  return NULL;
}

/* Makes @annotation the current suggestion: selected, scrolled to, its
 * layer the one being annotated (so that label keys and e offer its
 * labels), and no text selected (so that keys act on it). */
static void
show_suggestion (BylineWindow     *self,
                 BylineAnnotation *annotation)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  const char *layer = byline_annotation_get_layer (annotation);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) byline_annotation_get_start (annotation));
  gtk_text_buffer_place_cursor (buffer, &iter);
  if (g_strcmp0 (layer, byline_window_get_layer (self)) != 0 &&
      self->schema != NULL && byline_schema_lookup_layer (self->schema, layer) != NULL)
    byline_window_set_layer (self, layer);
  byline_article_view_set_selected (self->article_view, annotation);
  schedule_refresh (self);
}

static void
say_all_decided (BylineWindow *self)
{
  g_autofree char *title = NULL;
  guint n;

  _byline_review_ensure_items (self);
  n = self->review->items->len;
  if (n == 0)
    {
      byline_window_add_error_toast (self, _("No suggestions to review: run Suggest first"));
      return;
    }
  /* TRANSLATORS: a toast once every suggestion is accepted or rejected */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The suggestion is decided",
                                        "All %u suggestions are decided", n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Goes to the next (or previous) undecided suggestion from @from. */
static gboolean
go_undecided (BylineWindow     *self,
              BylineAnnotation *from,
              int               direction)
{
  BylineAnnotation *next = find_undecided (self, from, direction);

  if (next == NULL)
    {
      say_all_decided (self);
      return FALSE;
    }
  show_suggestion (self, next);
  return TRUE;
}

/* ---- Actions ----------------------------------------------------------- */

static BylineAnnotation *
selected_suggestion (BylineWindow *self)
{
  BylineAnnotation *selected;

  if (self->document == NULL)
    return NULL;
  selected = byline_article_view_get_selected (self->article_view);
  if (selected == NULL || byline_annotation_get_status (selected) == BYLINE_STATUS_MANUAL)
    return NULL;
  return selected;
}

/* win.accept (a): accepts the selected suggestion; it stays selected, so
 * that its edges can still be fixed. */
static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineAnnotation *selected = selected_suggestion (self);

  if (selected == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (byline_annotation_get_status (selected) != BYLINE_STATUS_ACCEPTED)
    decide (self, selected, BYLINE_STATUS_ACCEPTED);
}

static void
on_undo_clicked_cb (AdwToast     *toast,
                    BylineWindow *self)
{
  if (self->document != NULL)
    byline_document_undo (self->document);
}

void
_byline_review_add_undo_toast (BylineWindow *self,
                               const char   *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  byline_window_add_toast_after_frame (self, toast);
}

/* win.reject (x): rejects the selected suggestion, which then disappears
 * (unless rejected ones are shown); in review mode the next undecided one
 * is selected, outside it a toast offers to undo. */
static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(BylineAnnotation) selected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  if (selected_suggestion (self) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  selected = g_object_ref (selected_suggestion (self));
  if (byline_annotation_get_status (selected) != BYLINE_STATUS_REJECTED &&
      !decide (self, selected, BYLINE_STATUS_REJECTED))
    return;
  if (self->review->active)
    {
      go_undecided (self, selected, +1);
      return;
    }
  text = byline_document_dup_annotation_text (self->document, selected);
  /* TRANSLATORS: a toast: Rejected PERSON “Antony Blinken” */
  title = g_strdup_printf (_("Rejected %s “%s”"), byline_annotation_get_label (selected), text);
  _byline_review_add_undo_toast (self, title);
}

/* win.accept-next (space, review mode): accepts and goes on. */
static void
accept_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(BylineAnnotation) selected = NULL;

  if (selected_suggestion (self) == NULL)
    {
      go_undecided (self, NULL, +1);
      return;
    }
  selected = g_object_ref (selected_suggestion (self));
  if (byline_annotation_get_status (selected) != BYLINE_STATUS_ACCEPTED &&
      !decide (self, selected, BYLINE_STATUS_ACCEPTED))
    return;
  go_undecided (self, selected, +1);
}

/* win.review-next (n), win.review-previous (p): the next or previous
 * undecided suggestion. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (!go_undecided (self, byline_article_view_get_selected (self->article_view),
                     g_str_equal (action_name, "win.review-next") ? +1 : -1))
    gtk_widget_error_bell (widget);
}

/* win.review-relabel (e): the labels of the suggestion's layer; choosing
 * one accepts it with that label (byline_window_apply_label). */
static void
relabel_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineAnnotation *selected = selected_suggestion (self);

  if (selected == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  show_suggestion (self, selected);
  byline_window_show_label_popover (self, -1, -1);
}

/* win.review-grow-end… (shift+arrows, review mode): the edge moves of
 * alt+shift+arrows, which accept a suggestion as changed. */
static void
edge_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autofree char *edge_action_name = NULL;

  g_assert (g_str_has_prefix (action_name, "win.review-"));
  edge_action_name = g_strconcat ("win.", action_name + strlen ("win.review-"), NULL);
  gtk_widget_activate_action (widget, edge_action_name, NULL);
}

/* ---- The review bar ---------------------------------------------------- */

static void
refresh_bar (BylineWindow *self)
{
  BylineWindowReview *r = self->review;
  BylineAnnotation *selected;
  g_autofree char *position = NULL;
  g_autofree char *progress = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  guint n;
  guint index;

  if (r->bar == NULL)
    return;
  _byline_review_ensure_items (self);
  n = r->items->len;
  selected = byline_article_view_get_selected (self->article_view);
  index = item_index (self, selected);

  if (n == 0)
    {
      position = g_strdup (_("No Suggestions"));
      g_string_append (detail, _("Suggest (Shift+Ctrl+R) has Byline propose annotations to review"));
    }
  else if (index != G_MAXUINT)
    {
      const char *origin = byline_annotation_get_origin (selected);
      const char *reviewer = byline_annotation_get_reviewer (selected);
      double confidence;

      /* TRANSLATORS: the review bar: "Suggestion 12 of 85" */
      position = g_strdup_printf (_("Suggestion %u of %u"), index + 1, n);
      g_string_append (detail, byline_annotation_get_label (selected));
      if (byline_annotation_get_confidence (selected, &confidence))
        /* TRANSLATORS: the confidence of a suggestion in the review bar */
        g_string_append_printf (detail, _(" · confidence %.2f"), confidence);
      if (origin != NULL && origin[0] != '\0')
        g_string_append_printf (detail, " · %s", origin);
      switch (byline_annotation_get_status (selected))
        {
        case BYLINE_STATUS_ACCEPTED:
          g_string_append_printf (detail, " · %s", _("accepted"));
          break;
        case BYLINE_STATUS_REJECTED:
          g_string_append_printf (detail, " · %s", _("rejected"));
          break;
        case BYLINE_STATUS_SUGGESTED:
        case BYLINE_STATUS_MANUAL:
        default:
          break;
        }
      if (is_decided (selected) && reviewer != NULL)
        /* TRANSLATORS: who decided, after "accepted" or "rejected" */
        g_string_append_printf (detail, _(" by %s"), reviewer);
    }
  else
    {
      position = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Suggestion", "%u Suggestions", n), n);
      g_string_append (detail, r->n_decided < n ? _("N goes to the next undecided one")
                                                : _("Every suggestion is decided"));
    }

  /* TRANSLATORS: review progress: "40 of 85 decided" */
  progress = g_strdup_printf (_("%u of %u decided"), r->n_decided, n);
  gtk_label_set_label (r->position_label, position);
  gtk_label_set_label (r->detail_label, detail->str);
  gtk_label_set_label (r->progress_label, progress);
  gtk_progress_bar_set_fraction (r->progress_bar, n > 0 ? (double) r->n_decided / n : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress,
                                  -1);
  gtk_widget_set_sensitive (GTK_WIDGET (r->bulk_button), r->n_decided < n);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  BylineWindow *self = user_data;

  self->review->refresh_id = 0;
  refresh_bar (self);
  return G_SOURCE_REMOVE;
}

/* After the article's frame: the bar follows the edit. */
static void
schedule_refresh (BylineWindow *self)
{
  BylineWindowReview *r = self->review;

  if (r->active && r->refresh_id == 0)
    r->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static void
ensure_bar (BylineWindow *self)
{
  BylineWindowReview *r = self->review;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  if (r->bar != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  _byline_review_bulk_add_callbacks (GTK_BUILDER_CSCOPE (scope));
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  /* The handlers are swapped: they get the window first. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, REVIEW_BAR_UI, &error))
    g_error ("Cannot build the review bar: %s", error->message);

#define GET(name, TYPE) r->name = TYPE (gtk_builder_get_object (builder, #name))
  GET (position_label, GTK_LABEL);
  GET (detail_label, GTK_LABEL);
  GET (progress_bar, GTK_PROGRESS_BAR);
  GET (progress_label, GTK_LABEL);
  GET (bulk_button, GTK_MENU_BUTTON);
  GET (bulk_popover, GTK_POPOVER);
  GET (bulk_label_dropdown, GTK_DROP_DOWN);
  GET (bulk_confidence, GTK_SPIN_BUTTON);
  GET (bulk_accept_button, GTK_BUTTON);
  GET (bulk_origin_dropdown, GTK_DROP_DOWN);
  GET (bulk_reject_button, GTK_BUTTON);
#undef GET
  _byline_review_bulk_setup (self);
  r->bar = GTK_WIDGET (gtk_builder_get_object (builder, "review_bar"));
  gtk_revealer_set_child (self->review_revealer, r->bar);
}

/* ---- Review mode ------------------------------------------------------- */

static void
update_actions (BylineWindow *self)
{
  gboolean has_doc = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.accept", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reject", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.accept-all", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reject-origin", has_doc);
  for (guint i = 0; i < G_N_ELEMENTS (review_only_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), review_only_actions[i],
                                   has_doc && self->review->active);
}

gboolean
byline_window_get_reviewing (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  return self->review != NULL && self->review->active;
}

/**
 * byline_window_set_reviewing:
 *
 * Turns review mode on (with a document) or off. On, the bar shows and
 * the selected suggestion, or the first undecided one from the cursor,
 * becomes the current one.
 */
void
byline_window_set_reviewing (BylineWindow *self,
                             gboolean      reviewing)
{
  BylineWindowReview *r;
  BylineAnnotation *selected;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  r = self->review;
  reviewing = reviewing && self->document != NULL;
  if (r->active == reviewing)
    return;
  r->active = reviewing;
  if (reviewing)
    ensure_bar (self);
  gtk_revealer_set_reveal_child (self->review_revealer, reviewing);
  update_actions (self);
  if (reviewing)
    {
      if (r->suggest_toast != NULL)
        adw_toast_dismiss (r->suggest_toast);
      selected = byline_article_view_get_selected (self->article_view);
      if (is_reviewable (self, selected))
        show_suggestion (self, selected);
      else
        {
          BylineAnnotation *first = find_undecided (self, NULL, +1);

          if (first != NULL)
            show_suggestion (self, first);
        }
      refresh_bar (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
    }
  else
    {
      g_clear_handle_id (&r->refresh_id, g_source_remove);
    }
  g_object_notify (G_OBJECT (self), "reviewing");
}

void
_byline_review_after_suggest (BylineWindow *self)
{
  BylineAnnotation *first;

  if (!byline_window_get_reviewing (self))
    return;
  if (selected_suggestion (self) == NULL && (first = find_undecided (self, NULL, +1)) != NULL)
    show_suggestion (self, first);
  schedule_refresh (self);
}

/* Escape: leaves review mode. Returns TRUE when it did. */
gboolean
byline_window_review_cancel (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  if (self->review == NULL || !self->review->active)
    return FALSE;
  byline_window_set_reviewing (self, FALSE);
  return TRUE;
}

static void
mark_dirty (BylineWindow *self)
{
  /* Signals may still come while the window is disposed. */
  if (self->review == NULL)
    return;
  self->review->dirty = TRUE;
  schedule_refresh (self);
}

static void
on_annotation_added_cb (BylineWindow     *self,
                        BylineAnnotation *annotation)
{
  if (byline_annotation_get_status (annotation) != BYLINE_STATUS_MANUAL)
    mark_dirty (self);
}

static void
on_annotation_changed_cb (BylineWindow *self)
{
  mark_dirty (self);
}

static void
on_layers_changed_cb (BylineWindow *self,
                      const char   *action_name)
{
  if (g_str_has_prefix (action_name, "show-"))
    mark_dirty (self);
}

static void
on_selected_cb (BylineWindow *self)
{
  if (self->review != NULL)
    schedule_refresh (self);
}

static void
on_show_rejected_state_cb (GSimpleAction *action,
                           GVariant      *value,
                           BylineWindow  *self)
{
  g_simple_action_set_state (action, value);
  byline_article_view_set_show_rejected (self->article_view, g_variant_get_boolean (value));
}

/**
 * byline_window_review_set_document:
 *
 * Follows the window's new document: a run of Suggest for the old one is
 * cancelled, and review mode ends.
 */
void
byline_window_review_set_document (BylineWindow *self)
{
  BylineWindowReview *r = self->review;

  _byline_review_suggest_cancel (self);
  if (r->document != self->document)
    {
      if (r->document != NULL)
        g_signal_handlers_disconnect_by_data (r->document, self);
      g_set_object (&r->document, self->document);
      if (r->document != NULL)
        {
          g_signal_connect_object (r->document, "annotation-added",
                                   G_CALLBACK (on_annotation_added_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (r->document, "annotation-removed",
                                   G_CALLBACK (on_annotation_changed_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (r->document, "annotation-changed",
                                   G_CALLBACK (on_annotation_changed_cb), self, G_CONNECT_SWAPPED);
        }
    }
  r->dirty = TRUE;
  byline_window_set_reviewing (self, FALSE);
  update_actions (self);
  _byline_review_suggest_update (self);
}

void
byline_window_class_review_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.review", "reviewing");
  gtk_widget_class_install_action (widget_class, "win.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "win.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "win.accept-next", NULL, accept_next_action);
  gtk_widget_class_install_action (widget_class, "win.review-next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.review-previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.review-relabel", NULL, relabel_action);
  gtk_widget_class_install_action (widget_class, "win.review-grow-end", NULL, edge_action);
  gtk_widget_class_install_action (widget_class, "win.review-shrink-end", NULL, edge_action);
  gtk_widget_class_install_action (widget_class, "win.review-grow-start", NULL, edge_action);
  gtk_widget_class_install_action (widget_class, "win.review-shrink-start", NULL, edge_action);
  _byline_review_bulk_class_init (widget_class);
  _byline_review_suggest_class_init (widget_class);
}

void
byline_window_review_init (BylineWindow *self)
{
  BylineWindowReview *r = g_new0 (BylineWindowReview, 1);
  GSimpleAction *action;

  self->review = r;
  r->items = g_ptr_array_new_with_free_func (g_object_unref);
  r->dirty = TRUE;

  /* Beside the layers' show-* toggles: rejected suggestions are hidden
   * unless asked for. */
  action = g_simple_action_new_stateful ("show-rejected", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect (action, "change-state", G_CALLBACK (on_show_rejected_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self->layer_actions), G_ACTION (action));
  g_object_unref (action);
  g_signal_connect_object (self->layer_actions, "action-state-changed",
                           G_CALLBACK (on_layers_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "notify::selected",
                           G_CALLBACK (on_selected_cb), self, G_CONNECT_SWAPPED);

  _byline_review_suggest_init (self);
  update_actions (self);
}

void
byline_window_review_dispose (BylineWindow *self)
{
  BylineWindowReview *r = self->review;

  if (r == NULL)
    return;
  _byline_review_suggest_cancel (self);
  g_clear_handle_id (&r->refresh_id, g_source_remove);
  if (r->document != NULL)
    g_signal_handlers_disconnect_by_data (r->document, self);
  g_clear_object (&r->document);
  g_clear_object (&r->suggest_actions);
  /* Its weak pointer is into this struct. */
  if (r->preferences != NULL)
    {
      GtkWidget *preferences = r->preferences;

      g_object_remove_weak_pointer (G_OBJECT (preferences), (gpointer *) &r->preferences);
      r->preferences = NULL;
      gtk_window_destroy (GTK_WINDOW (preferences));
    }
  if (r->suggest_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (r->suggest_toast), (gpointer *) &r->suggest_toast);
  g_clear_pointer (&r->items, g_ptr_array_unref);
  g_clear_pointer (&r->bulk_labels, g_ptr_array_unref);
  g_clear_pointer (&r->bulk_origins, g_ptr_array_unref);
  /* The bar is the revealer's child: it goes with the template. The
   * popover is the menu button's. */
  g_clear_pointer (&self->review, g_free);
}
