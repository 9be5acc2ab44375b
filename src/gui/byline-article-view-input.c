/* byline-article-view-input.c: the article view's pointer, keys,
 * selection and navigation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hit testing and stepping through annotations ask the document's span
 * index, never the tags: tags of one label merge, so they cannot tell
 * one annotation from the next.
 */
#include "config.h"

#include "byline-article-view-private.h"
#include "byline-tokenizer.h"

/* ---- Selection and snapping ------------------------------------------- */

/* How far around a range the tokens of its lines are found while the
 * whole article is still being tokenized: far beyond the next word. */
#define NEAR_BYTES 4096

/**
 * byline_article_view_dup_tokens_near:
 *
 * The tokens around [@start, @end), in document offsets: all of the
 * article's once the worker set off by set_document() is done; until
 * then those of the lines around the range (at most NEAR_BYTES each
 * side), tokenized here in microseconds, so that the first label after
 * opening a long article does not wait for the whole of it.
 *
 * Returns: (transfer full) (nullable): tokens, or %NULL without a document
 */
GArray *
byline_article_view_dup_tokens_near (BylineArticleView *self,
                                     guint              start,
                                     guint              end)
{
  const char *text;
  gsize n_bytes;
  gsize b0;
  gsize b1;
  gsize limit;
  guint base;
  GArray *tokens;

  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), NULL);

  if (self->document == NULL)
    return NULL;
  if (self->tokens != NULL)
    return g_array_ref (self->tokens);

  text = byline_document_get_text (self->document);
  n_bytes = byline_document_get_text_bytes (self->document);
  b0 = byline_document_offset_to_byte (self->document, MIN (start, end));
  b1 = byline_document_offset_to_byte (self->document, MAX (start, end));
  /* The lines of the range and the line before and after it, so that
   * an edge can move on to the next word across a paragraph break. */
  limit = b0 > NEAR_BYTES ? b0 - NEAR_BYTES : 0;
  for (guint lines = 0; lines < 2 && b0 > limit; lines++)
    {
      while (b0 > limit && g_ascii_isspace (text[b0 - 1]))
        b0--;
      while (b0 > limit && text[b0 - 1] != '\n')
        b0--;
    }
  while (b0 < n_bytes && ((guchar) text[b0] & 0xC0) == 0x80)
    b0++;
  limit = MIN (n_bytes, b1 + NEAR_BYTES);
  for (guint lines = 0; lines < 2 && b1 < limit; lines++)
    {
      while (b1 < limit && g_ascii_isspace (text[b1]))
        b1++;
      while (b1 < limit && text[b1] != '\n')
        b1++;
    }
  while (b1 < n_bytes && ((guchar) text[b1] & 0xC0) == 0x80)
    b1++;

  base = byline_document_byte_to_offset (self->document, b0);
  tokens = byline_tokenize (text + b0, (gssize) (b1 - b0));
  for (guint i = 0; i < tokens->len; i++)
    {
      BylineToken *t = &g_array_index (tokens, BylineToken, i);

      t->start += base;
      t->end += base;
    }
  return tokens;
}

static void
snap_range (BylineArticleView *self,
            guint             *start,
            guint             *end)
{
  g_autoptr(GArray) tokens = byline_article_view_dup_tokens_near (self, *start, *end);

  if (tokens != NULL)
    byline_snap_to_words (NULL, 0, tokens, start, end);
}

static gboolean
snap_visible_selection_cb (gpointer user_data)
{
  BylineArticleView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter insert;
  GtkTextIter bound;
  guint ins;
  guint bnd;
  guint start;
  guint end;

  self->snap_idle_id = 0;
  if (self->document == NULL || !self->snapping)
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  ins = (guint) gtk_text_iter_get_offset (&insert);
  bnd = (guint) gtk_text_iter_get_offset (&bound);
  if (ins == bnd)
    return G_SOURCE_REMOVE;

  start = MIN (ins, bnd);
  end = MAX (ins, bnd);
  snap_range (self, &start, &end);
  if (start >= end || (start == MIN (ins, bnd) && end == MAX (ins, bnd)))
    return G_SOURCE_REMOVE;

  /* Keep the direction, so that shift+arrows go on from the same end. */
  gtk_text_buffer_get_iter_at_offset (buffer, &insert, (int) (ins > bnd ? end : start));
  gtk_text_buffer_get_iter_at_offset (buffer, &bound, (int) (ins > bnd ? start : end));
  gtk_text_buffer_select_range (buffer, &insert, &bound);
  return G_SOURCE_REMOVE;
}

/* The text view ends a drag selection on the button release; snapping
 * waits until it has. */
static gboolean
on_legacy_event_cb (GtkEventControllerLegacy *controller,
                    GdkEvent                 *event,
                    BylineArticleView        *self)
{
  if (gdk_event_get_event_type (event) == GDK_BUTTON_RELEASE &&
      gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY &&
      self->snapping && self->snap_idle_id == 0)
    self->snap_idle_id = g_idle_add (snap_visible_selection_cb, self);
  return GDK_EVENT_PROPAGATE;
}

/* ---- Pointer ----------------------------------------------------------- */

/* The character under a point in widget coordinates; FALSE over margins
 * and past the end of a line. */
static gboolean
offset_at_point (BylineArticleView *self,
                 double             x,
                 double             y,
                 guint             *offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle rect;
  GtkTextIter iter;
  int trailing;
  int bx;
  int by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  /* The character under the point, not the nearest cursor position,
   * which is the next character past its middle. */
  if (!gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by))
    return FALSE;
  gtk_text_view_get_iter_location (view, &iter, &rect);
  if (bx < rect.x || bx > rect.x + MAX (rect.width, 1) ||
      by < rect.y || by > rect.y + rect.height)
    return FALSE;
  *offset = (guint) gtk_text_iter_get_offset (&iter);
  return TRUE;
}

static guint
index_in (GPtrArray *annotations,
          gpointer   annotation)
{
  guint i;

  if (annotation != NULL && g_ptr_array_find (annotations, annotation, &i))
    return i;
  return G_MAXUINT;
}

static void
on_click_released_cb (GtkGestureClick   *gesture,
                      int                n_press,
                      double             x,
                      double             y,
                      BylineArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  g_autoptr(GPtrArray) here = NULL;
  BylineAnnotation *next;
  guint offset;
  guint i;

  /* Button 0: the signal was emitted without an event (tests). */
  if (self->document == NULL || (button != 0 && button != GDK_BUTTON_PRIMARY))
    return;

  if (!offset_at_point (self, x, y, &offset))
    {
      if (!self->picking && n_press == 1 && !gtk_text_buffer_get_has_selection (buffer))
        byline_article_view_set_selected (self, NULL);
      return;
    }
  here = byline_article_view_get_annotations_at (self, offset);

  if (self->picking)
    {
      /* The source cannot be its own target. */
      if (self->selected != NULL)
        g_ptr_array_remove (here, self->selected);
      if (here->len == 0)
        return;
      i = index_in (here, self->pick_target);
      next = here->pdata[i == G_MAXUINT ? 0 : (i + 1) % here->len];
      _byline_article_view_set_pick_target (self, next);
      g_signal_emit (self, _byline_article_view_signals[TARGET_PICKED], 0, next);
      return;
    }

  if (n_press >= 2)
    {
      /* The first click of the pair already selected (or cycled). */
      if (self->selected != NULL && index_in (here, self->selected) != G_MAXUINT)
        g_signal_emit (self, _byline_article_view_signals[ANNOTATION_ACTIVATED], 0, self->selected);
      return;
    }

  /* A drag that ended here selected text: that is not a click. */
  if (gtk_text_buffer_get_has_selection (buffer))
    return;

  if (here->len == 0)
    {
      byline_article_view_set_selected (self, NULL);
      return;
    }

  /* Clicking again where the selected annotation is goes to the next one
   * under the pointer, smallest first, and round. */
  i = index_in (here, self->selected);
  next = here->pdata[i == G_MAXUINT ? 0 : (i + 1) % here->len];
  byline_article_view_set_selected (self, next);
  g_signal_emit (self, _byline_article_view_signals[ANNOTATION_ACTIVATED], 0, next);
}

static void
emit_context_menu_at_cursor (BylineArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle rect;
  GtkTextIter iter;
  int x;
  int y;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y + rect.height, &x, &y);
  g_signal_emit (self, _byline_article_view_signals[CONTEXT_MENU_REQUESTED], 0, (double) x, (double) y);
}

/* A right click on the selection opens the window's label popover there
 * instead of the text view's own menu. */
static void
on_secondary_pressed_cb (GtkGestureClick   *gesture,
                         int                n_press,
                         double             x,
                         double             y,
                         BylineArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start;
  GtkTextIter end;
  guint offset;

  if (self->document == NULL ||
      !gtk_text_buffer_get_selection_bounds (buffer, &start, &end) ||
      !offset_at_point (self, x, y, &offset) ||
      offset < (guint) gtk_text_iter_get_offset (&start) ||
      offset >= (guint) gtk_text_iter_get_offset (&end))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, _byline_article_view_signals[CONTEXT_MENU_REQUESTED], 0, x, y);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  emit_context_menu_at_cursor (BYLINE_ARTICLE_VIEW (widget));
}

gboolean
byline_article_view_get_selection (BylineArticleView *self,
                                   guint             *start,
                                   guint             *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s;
  GtkTextIter e;
  guint so;
  guint eo;

  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    return FALSE;
  so = (guint) gtk_text_iter_get_offset (&s);
  eo = (guint) gtk_text_iter_get_offset (&e);
  if (self->snapping)
    snap_range (self, &so, &eo);
  if (so >= eo)
    return FALSE;
  if (start != NULL)
    *start = so;
  if (end != NULL)
    *end = eo;
  return TRUE;
}

void
byline_article_view_select_range (BylineArticleView *self,
                                  guint              start,
                                  guint              end)
{
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter s;
  GtkTextIter e;

  g_return_if_fail (BYLINE_IS_ARTICLE_VIEW (self));

  view = GTK_TEXT_VIEW (self);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) MIN (start, (guint) G_MAXINT));
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) MIN (end, (guint) G_MAXINT));
  gtk_text_buffer_select_range (buffer, &e, &s);
  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (buffer));
}

typedef struct
{
  guint       start;
  guint       end;
  const char *id;
} Key;

/* Reading order: by start, then end, then id; a key with no id comes
 * before the annotations at its place. */
static int
compare_to_key (BylineAnnotation *a,
                const Key        *key)
{
  guint start = byline_annotation_get_start (a);
  guint end = byline_annotation_get_end (a);

  if (start != key->start)
    return start < key->start ? -1 : 1;
  if (end != key->end)
    return end < key->end ? -1 : 1;
  return g_strcmp0 (byline_annotation_get_id (a), key->id);
}

static void
key_of (BylineAnnotation *a,
        Key              *key)
{
  key->start = byline_annotation_get_start (a);
  key->end = byline_annotation_get_end (a);
  key->id = byline_annotation_get_id (a);
}

/* The drawn annotation just after (or before) @from in reading order.
 * Asks the span index about a window that grows until it is sure, so
 * that stepping through 50,000 annotations never sorts them all. */
static BylineAnnotation *
find_neighbour (BylineArticleView *self,
                const Key         *from,
                int                direction,
                BylineAnnotation  *exclude)
{
  guint n_chars = byline_document_get_n_chars (self->document);
  guint window = 256;

  for (;;)
    {
      g_autoptr(GPtrArray) found = NULL;
      BylineAnnotation *best = NULL;
      guint qs;
      guint qe;

      if (direction > 0)
        {
          if (from->start >= n_chars)
            return NULL;
          qs = from->start;
          qe = from->start + MIN (window, n_chars - from->start);
        }
      else
        {
          qs = from->start > window ? from->start - window : 0;
          qe = MIN (from->start + 1, n_chars);
          if (qe <= qs)
            return NULL;
        }

      found = byline_document_query (self->document, qs, qe);
      for (guint i = 0; i < found->len; i++)
        {
          BylineAnnotation *a = found->pdata[i];
          int c = compare_to_key (a, from);

          if (a == exclude || !_byline_article_view_is_drawn (self, a))
            continue;
          if (direction > 0 && c > 0 &&
              (best == NULL || byline_annotation_compare (a, best) < 0))
            best = a;
          else if (direction < 0 && c < 0 &&
                   (best == NULL || byline_annotation_compare (a, best) > 0))
            best = a;
        }

      /* Forward, every annotation not asked about starts at or after qe,
       * so later than any found. Backward, an unseen one can start before
       * qs and still be later than a long one found reaching into the
       * window: only a find inside the window is sure. */
      if (direction > 0 && (best != NULL || qe >= n_chars))
        return best;
      if (direction < 0 &&
          (qs == 0 || (best != NULL && byline_annotation_get_start (best) >= qs)))
        return best;
      window = window > G_MAXUINT / 4 ? G_MAXUINT : window * 4;
    }
}

gboolean
byline_article_view_select_next (BylineArticleView *self,
                                 int                direction)
{
  GtkTextBuffer *buffer;
  BylineAnnotation *from;
  BylineAnnotation *next;
  GtkTextIter cursor;
  Key key = { 0, 0, NULL };

  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), FALSE);
  g_return_val_if_fail (direction != 0, FALSE);

  if (self->document == NULL)
    return FALSE;

  from = self->picking && self->pick_target != NULL ? self->pick_target : self->selected;
  if (from != NULL)
    {
      key_of (from, &key);
    }
  else
    {
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      key.start = (guint) gtk_text_iter_get_offset (&cursor);
    }

  next = find_neighbour (self, &key, direction,
                         self->picking ? self->selected : NULL);
  if (next == NULL)
    return FALSE;

  if (self->picking)
    {
      _byline_article_view_set_pick_target (self, next);
      _byline_article_view_scroll_to (self, next);
    }
  else
    {
      byline_article_view_set_selected (self, next);
    }
  return TRUE;
}

static int
compare_by_size (gconstpointer a,
                 gconstpointer b)
{
  BylineAnnotation *x = *(BylineAnnotation **) a;
  BylineAnnotation *y = *(BylineAnnotation **) b;
  guint lx = byline_annotation_get_end (x) - byline_annotation_get_start (x);
  guint ly = byline_annotation_get_end (y) - byline_annotation_get_start (y);

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return byline_annotation_compare (x, y);
}

GPtrArray *
byline_article_view_get_annotations_at (BylineArticleView *self,
                                        guint              offset)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *result;

  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->document == NULL)
    return result;

  all = byline_document_query_at (self->document, offset);
  for (guint i = 0; i < all->len; i++)
    {
      if (_byline_article_view_is_drawn (self, all->pdata[i]))
        g_ptr_array_add (result, g_object_ref (all->pdata[i]));
    }
  g_ptr_array_sort (result, compare_by_size);
  return result;
}

void
_byline_article_view_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "article.context-menu", NULL,
                                   context_menu_action);
}

void
_byline_article_view_init_input (BylineArticleView *self)
{
  GtkEventController *controller;
  GtkShortcutTrigger *trigger;

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_name (controller, "byline-article-view-click");
  g_signal_connect (controller, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_name (controller, "byline-article-view-secondary-click");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "pressed", G_CALLBACK (on_secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_legacy_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Capture phase: the text view binds the same keys to its own menu. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("article.context-menu")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
