/* bench-window.c: the window on a large annotated article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times what a user of the window waits for, as the median of several
 * runs, and checks the figures against the targets of the issue:
 *
 * 1. opening a 1 MiB article with 50,000 annotations (the document of
 *    bench-core.c, saved as a .byline.json): from byline_window_load_async()
 *    to the end of the first frame drawn with the article in it (the
 *    frame clock's "after-paint"), split into loading in the worker thread,
 *    showing the document on the main thread (byline_window_set_document:
 *    view, panel, palette) and laying out and painting that first frame;
 * 2. editing that document: labeling a selection, undoing it, moving to the
 *    next annotation, deleting it and undoing the deletion, each timed from
 *    the action to the end of the first frame painted after it, with
 *    whatever the main loop had to do before that frame (the issue's
 *    target), and by the longest the main thread was then busy at once
 *    with what the edit set off (this benchmark's own targets, see
 *    TARGET_BUSY_MEDIAN);
 * 3. the sample article in a Byline window against a bare GtkWindow with a
 *    GtkScrolledWindow and a GtkTextView showing the same text, from
 *    creating the window to its first painted frame, in turn.
 *
 * It needs a display (run it under `xvfb-run -a dbus-run-session --`); it
 * prints "SKIP: no display" and exits 77 without one. The exit status is 1
 * when a target is missed (unless --no-fail) and always when the window
 * shows the wrong thing: a fast wrong answer is of no use.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "byline-application.h"
#include "byline-document.h"
#include "byline-native.h"
#include "byline-window.h"
#include "byline-window-private.h"

#include "bench-doc.h"


#define WINDOW_WIDTH      1200
#define WINDOW_HEIGHT     800

/* Targets from the issue, in microseconds (and percent). */
#define TARGET_FIRST_SCREEN  1000000
#define TARGET_EDIT          16000
/* Not the issue's: what an edit sets off after the frame that shows it
 * (the side panel's list, inspector and counts). Typically it fits in a
 * frame; at worst it holds a key pressed then back for under 50 ms, the
 * budget for work that follows input in the RAIL model
 * (https://web.dev/articles/rail), below what users notice as lag. */
#define TARGET_BUSY_MEDIAN   16000
#define TARGET_BUSY_WORST    50000
#define TARGET_SAMPLE_SLOWER 25.0

/* ---- The document (the same as bench-core.c's) ------------------------- */


/* ---- Measuring --------------------------------------------------------- */

static double
worst (GArray *samples)
{
  gint64 max = 0;

  for (guint i = 0; i < samples->len; i++)
    max = MAX (max, g_array_index (samples, gint64, i));
  return (double) max;
}

static void
append_sample (GArray *samples,
               gint64  us)
{
  g_array_append_val (samples, us);
}


/* ---- Frames and the main loop ------------------------------------------ */

/* What the frame clock of the window being timed has painted. The time of
 * a frame is taken in "after-paint": the frame has been rendered and
 * handed to the display. */
typedef struct
{
  GdkFrameClock *clock;
  gulong         handler;
  guint          n_paints;
  gint64         last_paint;
  GtkStack      *stack;          /* the Byline window's, or NULL */
  gboolean       armed;          /* the document is shown: look for ... */
  gint64         settled_paint;  /* ... the first frame after the crossfade */
  /* --verbose: when each phase of the last frame ended */
  gint64         phase_end[6];
  gboolean       phase_seen[6];
} Frames;

/* The frame clock's phases, in order. The benchmark's handlers run after
 * GTK's (they are connected once the window is presented), so a phase's
 * time is taken as it ends. */
static const char *phase_names[] = {
  "flush-events", "before-paint", "update", "layout", "paint", "after-paint",
};

static gboolean opt_verbose;

static void
on_phase_cb (GdkFrameClock *clock,
             gpointer       user_data)
{
  Frames *frames = g_object_get_data (G_OBJECT (clock), "bench-frames");
  guint phase = GPOINTER_TO_UINT (user_data);

  frames->phase_end[phase] = g_get_monotonic_time ();
  frames->phase_seen[phase] = TRUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Frames        *frames)
{
  frames->last_paint = g_get_monotonic_time ();
  frames->n_paints++;
  if (frames->armed && frames->settled_paint == 0 && frames->stack != NULL &&
      !gtk_stack_get_transition_running (frames->stack))
    frames->settled_paint = frames->last_paint;
}

/* After the window is realized (presented). */
static void
frames_watch (Frames    *frames,
              GtkWidget *window)
{
  frames->clock = gtk_widget_get_frame_clock (window);
  g_assert (frames->clock != NULL);
  frames->handler = g_signal_connect (frames->clock, "after-paint",
                                      G_CALLBACK (on_after_paint_cb), frames);
  if (opt_verbose)
    {
      g_object_set_data (G_OBJECT (frames->clock), "bench-frames", frames);
      for (guint i = 0; i < G_N_ELEMENTS (phase_names); i++)
        g_signal_connect (frames->clock, phase_names[i], G_CALLBACK (on_phase_cb), GUINT_TO_POINTER (i));
    }
}

static void
frames_unwatch (Frames *frames)
{
  if (frames->clock != NULL)
    {
      g_clear_signal_handler (&frames->handler, frames->clock);
      for (guint i = 0; i < G_N_ELEMENTS (phase_names); i++)
        g_signal_handlers_disconnect_by_func (frames->clock, on_phase_cb, GUINT_TO_POINTER (i));
    }
  frames->clock = NULL;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    {
    }
}

static gboolean
set_flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until nothing is pending and no frame has been
 * painted for 60 ms (animations over, the text laid out in the
 * background), or @max_ms have passed. Returns when it got there. */
static gint64
settle (Frames *frames,
        guint   max_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) max_ms * 1000;

  for (;;)
    {
      gint64 now;

      drain ();
      now = g_get_monotonic_time ();
      if (now - frames->last_paint >= 60000 && !g_main_context_pending (NULL))
        return now;
      if (now > deadline)
        return now;
      run_for (10);
    }
}

/* Runs the main loop until a frame has been painted after @n_paints and
 * then nothing is pending: the end of the work an action set off. Returns
 * the time, or 0 when no frame came within two seconds. */
static gint64
run_until_painted (Frames *frames,
                   guint   n_paints)
{
  gboolean timed_out = FALSE;
  guint guard = g_timeout_add (2000, set_flag_cb, &timed_out);
  gint64 end = 0;

  for (;;)
    {
      drain ();
      if (frames->n_paints > n_paints)
        {
          end = g_get_monotonic_time ();
          break;
        }
      if (timed_out)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (guard);
  return end;
}

/* ---- Windows ----------------------------------------------------------- */

static GtkApplication *app;
static guint n_wrong;

static void
wrong (const char *format,
       ...) G_GNUC_PRINTF (1, 2);

static void
wrong (const char *format,
       ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("WRONG: %s\n", message);
  n_wrong++;
}

/* One load of a file into a window, with the times of its steps. */
typedef struct
{
  gint64   parsed;     /* the worker is done: "loading" went FALSE */
  gint64   shown;      /* set_document is done: "document" notified */
  guint    paints_at_shown;
  gboolean done;
  gboolean ok;
} Load;

static void
on_loading_notify_cb (BylineWindow *window,
                      GParamSpec   *pspec,
                      Load         *load)
{
  if (!byline_window_get_loading (window) && load->parsed == 0)
    load->parsed = g_get_monotonic_time ();
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;

  load->ok = byline_window_load_finish (BYLINE_WINDOW (object), result, &error);
  if (!load->ok)
    wrong ("loading failed: %s", error->message);
  load->done = TRUE;
}

typedef struct
{
  Load   *load;
  Frames *frames;
} ShownData;

static void
on_document_notify_cb (BylineWindow *window,
                       GParamSpec   *pspec,
                       ShownData    *data)
{
  if (window->document != NULL && data->load->shown == 0)
    {
      data->load->shown = g_get_monotonic_time ();
      data->load->paints_at_shown = data->frames->n_paints;
      data->frames->armed = TRUE;
    }
}

static BylineWindow *
new_byline_window (Frames *frames)
{
  BylineWindow *window = g_object_new (BYLINE_TYPE_WINDOW, "application", app, NULL);

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  frames->stack = window->stack;
  frames_watch (frames, GTK_WIDGET (window));
  return window;
}

static void
close_byline_window (BylineWindow *window,
                     Frames       *frames)
{
  frames_unwatch (frames);
  /* Nothing to ask about: drop the changes. */
  if (window->document != NULL)
    byline_document_set_modified (window->document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_object_unref (window);
}

/* Loads @path into @window and runs the main loop until the first frame
 * with the document in it has been painted. Returns the start, the
 * time of load_async. */
static gint64
load_and_paint (BylineWindow *window,
                Frames       *frames,
                const char   *path,
                Load         *load)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ShownData data = { load, frames };
  gulong loading_id;
  gulong document_id;
  gint64 t0;

  memset (load, 0, sizeof (Load));
  loading_id = g_signal_connect (window, "notify::loading", G_CALLBACK (on_loading_notify_cb), load);
  document_id = g_signal_connect (window, "notify::document", G_CALLBACK (on_document_notify_cb), &data);
  frames->settled_paint = 0;
  frames->armed = FALSE;

  t0 = g_get_monotonic_time ();
  byline_window_load_async (window, file, NULL, on_loaded_cb, load);
  while (!load->done || load->shown == 0 || frames->n_paints <= load->paints_at_shown)
    {
      if (load->done && !load->ok)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (window, loading_id);
  g_signal_handler_disconnect (window, document_id);
  return t0;
}

/* ---- 1. Opening the large article -------------------------------------- */

typedef struct
{
  double parse;
  double show;
  double first_paint;
  double first_screen;
  double transition;
  double laid_out;
} OpenFigures;

static BylineWindow *
time_open_large (const char  *path,
                 guint        n_annotations,
                 guint        n_relations,
                 guint        n_chars,
                 int          runs,
                 Frames      *frames,
                 OpenFigures *fig)
{
  g_autoptr(GArray) parse = new_samples ();
  g_autoptr(GArray) show = new_samples ();
  g_autoptr(GArray) paint = new_samples ();
  g_autoptr(GArray) screen = new_samples ();
  g_autoptr(GArray) transition = new_samples ();
  g_autoptr(GArray) laid_out = new_samples ();
  BylineWindow *window = NULL;

  for (int run = 0; run < runs; run++)
    {
      Load load;
      GtkTextBuffer *buffer;
      GtkAdjustment *vadj;
      gint64 t0;
      gint64 first;

      if (window != NULL)
        close_byline_window (window, frames);
      /* A window as the user sees it before opening: empty, painted. */
      window = new_byline_window (frames);
      settle (frames, 3000);

      t0 = load_and_paint (window, frames, path, &load);
      if (!load.ok)
        return window;
      first = frames->last_paint;
      append_sample (parse, load.parsed - t0);
      append_sample (show, load.shown - load.parsed);
      append_sample (paint, first - load.shown);
      append_sample (screen, first - t0);

      /* Cheap checks: the whole document, in the view, from the top. */
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
      vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->article_view));
      if (byline_document_get_n_annotations (window->document) != n_annotations ||
          byline_document_get_n_relations (window->document) != n_relations)
        wrong ("the window shows %u annotations and %u relations, expected %u and %u",
               byline_document_get_n_annotations (window->document),
               byline_document_get_n_relations (window->document), n_annotations, n_relations);
      if ((guint) gtk_text_buffer_get_char_count (buffer) != n_chars)
        wrong ("the view holds %d characters, the document %u",
               gtk_text_buffer_get_char_count (buffer), n_chars);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (window->stack), "document") != 0)
        wrong ("the window does not show the document page");
      if (vadj == NULL || gtk_adjustment_get_value (vadj) != gtk_adjustment_get_lower (vadj))
        wrong ("the article is not shown from its start");

      /* The rest, for information: the stack's crossfade ends, and the
       * text view lays out the rest of the article in idle time. */
      append_sample (laid_out, settle (frames, 120000) - first);
      append_sample (transition, (frames->settled_paint ? frames->settled_paint : first) - t0);
    }
  fig->parse = median (parse);
  fig->show = median (show);
  fig->first_paint = median (paint);
  fig->first_screen = median (screen);
  fig->transition = median (transition);
  fig->laid_out = median (laid_out);
  return window;
}

/* ---- 2. Editing it ----------------------------------------------------- */

typedef enum
{
  OP_LABEL,
  OP_UNDO_LABEL,
  OP_SELECT_NEXT,
  OP_DELETE,
  OP_UNDO_DELETE,
  N_OPS
} Op;

static const char * const op_names[N_OPS] = {
  "label a selection (win.label-key 1)",
  "undo the label (win.undo)",
  "next annotation (win.select-next)",
  "delete it (win.delete)",
  "undo the deletion (win.undo)",
};


typedef struct
{
  GArray *screen[N_OPS];   /* the action to the end of the first frame after it */
  GArray *done[N_OPS];     /* ... to the end of all it set off, side panel included */
  GArray *stall[N_OPS];    /* the longest the main thread was busy in that time */
  GArray *call[N_OPS];     /* the action's call alone */
  double  recovery;        /* the longest main-thread step of a recovery copy */
  double  recovery_main;   /* all its main-thread steps together */
} EditFigures;

/* One iteration of the main loop, with the time spent dispatching (not
 * waiting) in *@busy. Waits at most @max_wait_ms for a source to be
 * ready. Returns whether anything was dispatched. */
static gboolean
iterate_timed (Frames *frames,
               int     max_wait_ms,
               gint64 *busy)
{
  GMainContext *context = g_main_context_default ();
  static GPollFD *fds;
  static int allocated;
  int max_priority;
  int timeout;
  int n;
  gboolean dispatched = FALSE;
  gint64 t;

  *busy = 0;
  if (!g_main_context_acquire (context))
    g_error ("the bench must own the main context");
  g_main_context_prepare (context, &max_priority);
  while ((n = g_main_context_query (context, max_priority, &timeout, fds, allocated)) > allocated)
    {
      g_free (fds);
      allocated = n;
      fds = g_new (GPollFD, allocated);
    }
  if (timeout < 0 || timeout > max_wait_ms)
    timeout = max_wait_ms;
  g_poll (fds, n, timeout);
  t = g_get_monotonic_time ();
  memset (frames->phase_seen, 0, sizeof frames->phase_seen);
  if (g_main_context_check (context, max_priority, fds, n))
    {
      g_main_context_dispatch (context);
      dispatched = TRUE;
    }
  *busy = g_get_monotonic_time () - t;
  g_main_context_release (context);

  /* --verbose: where a dispatch over a frame's time went. */
  if (opt_verbose && *busy > TARGET_EDIT)
    {
      gint64 from = t;

      g_print ("      (busy %.1f ms:", *busy / 1000.0);
      for (guint i = 0; i < G_N_ELEMENTS (phase_names); i++)
        {
          if (!frames->phase_seen[i])
            continue;
          g_print (" %s %.1f", phase_names[i], (frames->phase_end[i] - from) / 1000.0);
          from = frames->phase_end[i];
        }
      if (from == t)
        g_print (" not a frame");
      else if (t + *busy - from >= 100)
        g_print (" after it %.1f", (t + *busy - from) / 1000.0);
      g_print (")\n");
    }
  return dispatched;
}

/* Activates @action, then runs the main loop until the frame showing its
 * result has been painted, and on until all that the action set off is
 * done: the side panel follows in the idles after that frame, and may
 * need frames of its own. Done is when nothing was dispatched for 50 ms;
 * a frame is the only thing that can take that long to come. */
static void
time_action (BylineWindow *window,
             Frames       *frames,
             EditFigures  *fig,
             Op            op,
             const char   *action,
             GVariant     *parameter)
{
  guint n_paints = frames->n_paints;
  gint64 t0 = g_get_monotonic_time ();
  gint64 screen = 0;
  gint64 last = 0;
  gint64 stall;
  gint64 deadline = t0 + 2 * G_USEC_PER_SEC;

  if (!gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter))
    wrong ("%s is not enabled", action);
  last = g_get_monotonic_time ();
  stall = last - t0;
  append_sample (fig->call[op], stall);
  for (;;)
    {
      gint64 busy;
      gint64 now;

      if (iterate_timed (frames, 10, &busy))
        {
          last = g_get_monotonic_time ();
          stall = MAX (stall, busy);
          if (screen == 0 && frames->n_paints > n_paints)
            screen = frames->last_paint;
          continue;
        }
      now = g_get_monotonic_time ();
      if ((screen != 0 && now - last >= 50000) || now > deadline)
        break;
    }
  if (screen == 0)
    {
      wrong ("%s: no frame was painted", action);
      screen = last;
    }
  append_sample (fig->screen[op], screen - t0);
  append_sample (fig->done[op], last - t0);
  append_sample (fig->stall[op], stall);
  if (opt_verbose)
    g_print ("    %-36s on screen %5.1f ms, busy at most %5.1f ms, all done %5.1f ms\n",
             op_names[op], (screen - t0) / 1000.0, stall / 1000.0, (last - t0) / 1000.0);
}

static void
time_edits (BylineWindow *window,
            Frames       *frames,
            int           reps,
            EditFigures  *fig)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 2);
  BylineDocument *doc = window->document;
  guint n = byline_document_get_n_annotations (doc);
  guint n_relations = byline_document_get_n_relations (doc);
  guint n_chars = byline_document_get_n_chars (doc);

  byline_window_set_layer (window, "entities");
  gtk_widget_grab_focus (GTK_WIDGET (window->article_view));
  for (int rep = 0; rep < reps; rep++)
    {
      guint offset = g_rand_int_range (rand, 100, n_chars - 100);
      g_autoptr(GPtrArray) there = NULL;
      BylineAnnotation *from;
      BylineAnnotation *next;

      /* Label part of a word (snapping takes the whole word) somewhere in
       * the article, scrolled into view first; then undo it. */
      byline_article_view_select_range (window->article_view, offset, offset + 3);
      settle (frames, 3000);
      time_action (window, frames, fig, OP_LABEL, "win.label-key", g_variant_new_string ("1"));
      if (byline_document_get_n_annotations (doc) != n + 1 ||
          byline_article_view_get_selected (window->article_view) == NULL ||
          g_strcmp0 (byline_annotation_get_label (byline_article_view_get_selected (window->article_view)),
                     "PERSON") != 0)
        wrong ("labeling at %u: %u annotations and no PERSON selected, expected %u",
               offset, byline_document_get_n_annotations (doc), n + 1);
      settle (frames, 3000);
      time_action (window, frames, fig, OP_UNDO_LABEL, "win.undo", NULL);
      if (byline_document_get_n_annotations (doc) != n)
        wrong ("undoing the label left %u annotations, expected %u",
               byline_document_get_n_annotations (doc), n);

      /* From an annotation there to the next one, which is deleted, and
       * the deletion undone. */
      there = byline_document_query_at (doc, offset);
      if (there->len == 0)
        {
          g_ptr_array_unref (there);
          there = byline_document_query (doc, offset, offset + 200);
        }
      if (there->len == 0)
        {
          wrong ("no annotation near %u", offset);
          continue;
        }
      from = there->pdata[0];
      byline_article_view_set_selected (window->article_view, from);
      settle (frames, 3000);
      time_action (window, frames, fig, OP_SELECT_NEXT, "win.select-next", NULL);
      next = byline_article_view_get_selected (window->article_view);
      if (next == NULL || next == from ||
          byline_annotation_compare (next, from) < 0)
        wrong ("select-next from %s did not move forward", byline_annotation_get_id (from));
      settle (frames, 3000);
      time_action (window, frames, fig, OP_DELETE, "win.delete", NULL);
      if (byline_document_get_n_annotations (doc) != n - 1)
        wrong ("deleting left %u annotations, expected %u",
               byline_document_get_n_annotations (doc), n - 1);
      settle (frames, 3000);
      time_action (window, frames, fig, OP_UNDO_DELETE, "win.undo", NULL);
      if (byline_document_get_n_annotations (doc) != n ||
          byline_document_get_n_relations (doc) != n_relations)
        wrong ("undoing the deletion left %u annotations and %u relations, expected %u and %u",
               byline_document_get_n_annotations (doc), byline_document_get_n_relations (doc),
               n, n_relations);
    }

  /* The recovery copy the window makes 5 s after an unsaved change,
   * while the user goes on working: written out between frames on the
   * main thread, a step at a time, then to disk in a worker. What the
   * user can feel is its longest step. */
  {
    g_autoptr(GArray) longest = new_samples ();
    g_autoptr(GArray) total = new_samples ();

    for (int run = 0; run < 3; run++)
      {
        gint64 step = 0, all = 0;

        byline_window_start_recovery (window);
        while (byline_window_get_recovery_progress (window, &step, &all))
          g_main_context_iteration (NULL, TRUE);
        append_sample (longest, step);
        append_sample (total, all);
      }
    fig->recovery = median (longest);
    fig->recovery_main = median (total);
    byline_window_discard_recovery (window);
  }
}

/* ---- 3. The sample article, Byline against a bare text view ------------ */

static gint64
open_sample_byline (const char *path)
{
  Frames frames = { 0 };
  Load load;
  BylineWindow *window;
  gint64 t0 = g_get_monotonic_time ();
  gint64 end;

  window = new_byline_window (&frames);
  load_and_paint (window, &frames, path, &load);
  end = frames.last_paint;
  if (!load.ok || byline_document_get_n_chars (window->document) == 0)
    wrong ("the sample article did not open");
  close_byline_window (window, &frames);
  return end - t0;
}

static gint64
open_sample_bare (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Frames frames = { 0 };
  GtkWidget *window;
  GtkWidget *scrolled;
  GtkWidget *view;
  gsize len;
  gint64 t0 = g_get_monotonic_time ();
  gint64 end;

  window = gtk_window_new ();
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  scrolled = gtk_scrolled_window_new ();
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  if (!g_file_get_contents (path, &text, &len, &error))
    g_error ("%s", error->message);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, (int) len);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  frames_watch (&frames, window);
  end = run_until_painted (&frames, 0);
  if (end == 0)
    wrong ("the bare window painted no frame");
  end = frames.last_paint;
  frames_unwatch (&frames);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_object_unref (window);
  return end - t0;
}

/* ---- main -------------------------------------------------------------- */

static int opt_runs = 3;
static int opt_reps = 20;
static int opt_sample_runs = 15;
static gboolean opt_no_fail;
static gboolean opt_keep;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Open the large article N times (default 3)", "N" },
  { "reps", 0, 0, G_OPTION_ARG_INT, &opt_reps, "Time each edit N times (default 20)", "N" },
  { "sample-runs", 0, 0, G_OPTION_ARG_INT, &opt_sample_runs, "Open the sample N times in each window (default 15)", "N" },
  { "no-fail", 0, 0, G_OPTION_ARG_NONE, &opt_no_fail, "Exit 0 even when a target is missed", NULL },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the saved file and print where it is", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose,
    "Print every edit's times as it is made, and the frame phases of a dispatch over 16 ms", NULL },
  { NULL }
};

static void
remove_files (const char *dir,
              const char *path)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  g_unlink (path);
  g_unlink (backup);
  if (g_rmdir (dir) != 0)
    g_printerr ("could not remove %s\n", dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) built = NULL;
  g_autoptr(GArray) sample_byline = NULL;
  g_autoptr(GArray) sample_bare = NULL;
  g_autoptr(GArray) sample_ratio = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *str = NULL;
  BylineWindow *window;
  Frames frames = { 0 };
  OpenFigures open = { 0 };
  EditFigures edit = { { NULL }, { NULL }, { NULL }, { NULL }, 0, 0 };
  guint n_chars;
  double slower;
  GStatBuf st;

  bench_set_columns (52, 10, 11);

  setlocale (LC_ALL, "");
  context = g_option_context_new ("[SAMPLE.txt] - time the window on a large annotated article");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_runs < 1 || opt_reps < 1 || opt_sample_runs < 1)
    {
      g_printerr ("--runs, --reps and --sample-runs must be at least 1\n");
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_print ("SKIP: no display\n");
      return 77;
    }
  adw_init ();
  /* The application sets the accelerators, as in the real app. */
  app = GTK_APPLICATION (g_object_new (BYLINE_TYPE_APPLICATION,
                                       "application-id", "io.github.byline.Byline.BenchWindow",
                                       "flags", G_APPLICATION_NON_UNIQUE,
                                       "resource-base-path", "/io/github/byline/Byline",
                                       NULL));
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("register: %s", error->message);

  /* meson passes the sample's path; by hand, run from the source tree. */
  sample = g_strdup (argc > 1 ? argv[1] : "data/samples/blinken-china-nbc.txt");
  if (!g_file_test (sample, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("%s: no such file (give the sample article's path)\n", sample);
      return 2;
    }

  /* The document, built through the API and saved once. */
  built = bench_make_document (SEED, NULL);
  n_chars = byline_document_get_n_chars (built);
  dir = g_dir_make_tmp ("byline-bench-window-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.byline.json", NULL);
  if (!byline_native_save (built, path, &error))
    g_error ("%s", error->message);
  g_clear_object (&built);
  if (g_stat (path, &st) != 0)
    g_error ("%s: cannot stat", path);

  g_print ("Byline window benchmark: %d run%s of the large article, %d of each edit, "
           "%d of the sample\n",
           opt_runs, opt_runs == 1 ? "" : "s", opt_reps, opt_sample_runs);
  g_print ("text: %u characters; %u annotations, %u relations; file: %.1f MB; window %dx%d, "
           "renderer %s\n\n",
           n_chars, N_ANNOTATIONS, N_RELATIONS, st.st_size / 1e6, WINDOW_WIDTH, WINDOW_HEIGHT,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  /* 1 and 2: the large article. */
  window = time_open_large (path, N_ANNOTATIONS, N_RELATIONS, n_chars, opt_runs, &frames, &open);
  if (window->document != NULL && n_wrong == 0)
    {
      for (guint i = 0; i < N_OPS; i++)
        {
          edit.screen[i] = new_samples ();
          edit.done[i] = new_samples ();
          edit.stall[i] = new_samples ();
          edit.call[i] = new_samples ();
        }
      time_edits (window, &frames, opt_reps, &edit);
    }
  close_byline_window (window, &frames);

  /* 3: the sample, in turn, after one of each to warm up. */
  sample_byline = new_samples ();
  sample_bare = new_samples ();
  sample_ratio = new_samples ();
  open_sample_byline (sample);
  open_sample_bare (sample);
  for (int run = 0; run < opt_sample_runs; run++)
    {
      gint64 b, t;

      if (run % 2 == 0)
        {
          b = open_sample_byline (sample);
          t = open_sample_bare (sample);
        }
      else
        {
          t = open_sample_bare (sample);
          b = open_sample_byline (sample);
        }
      append_sample (sample_byline, b);
      append_sample (sample_bare, t);
      append_sample (sample_ratio, 1000 * (b - t) / MAX (t, 1));
    }

  print_row ("figure", "measured", "target", VERDICT_INFO);
  g_print ("1. open the large article (median of %d)\n", opt_runs);
  time_row ("  load and parse (worker thread)", open.parse, 0);
  time_row ("  show it: view, panel, palette (main thread)", open.show, 0);
  time_row ("  lay out and paint the first frame", open.first_paint, 0);
  time_row ("  first screen: load_async to first frame", open.first_screen, TARGET_FIRST_SCREEN);
  time_row ("  page crossfade over", open.transition, 0);
  time_row ("  rest of the article laid out (idle, after it)", open.laid_out, 0);
  if (edit.screen[0] != NULL && edit.screen[0]->len > 0)
    {
      g_print ("2. edit it (%d each): the action to the end of the frame that shows it in the\n"
               "   article; the longest the main thread was then busy at once (a frame, an idle);\n"
               "   and the time until all it set off was done, the side panel's frames included\n",
               opt_reps);
      for (guint i = 0; i < N_OPS; i++)
        {
          g_autofree char *label = NULL;

          label = g_strdup_printf ("  %s", op_names[i]);
          print_row (label, "", "", VERDICT_INFO);
          time_row ("    on screen, median", median (edit.screen[i]), TARGET_EDIT);
          time_row ("    on screen, 95th percentile", percentile (edit.screen[i], 95), TARGET_EDIT);
          time_row ("    on screen, worst", worst (edit.screen[i]), 0);
          time_row ("    longest busy, median", median (edit.stall[i]), TARGET_BUSY_MEDIAN);
          time_row ("    longest busy, worst", worst (edit.stall[i]), TARGET_BUSY_WORST);
          time_row ("    all done, median", median (edit.done[i]), 0);
          time_row ("    the call alone, median", median (edit.call[i]), 0);
        }
      time_row ("  recovery copy (every 5 s of edits): longest main-thread step", edit.recovery, TARGET_EDIT);
      time_row ("    all its main-thread steps, spread between frames", edit.recovery_main, 0);
    }
  g_print ("3. the sample article, creating the window to its first frame (median of %d)\n",
           opt_sample_runs);
  time_row ("  bare GtkWindow + GtkScrolledWindow + GtkTextView", median (sample_bare), 0);
  time_row ("  Byline window", median (sample_byline), 0);
  /* Judged by the pairs: each Byline window is timed next to a bare one,
   * so a spell of a slower machine (a virtual one shares its host) slows
   * both sides of a pair, where it can move one median and not the
   * other (+22 % per pair and +38 % between the medians in one run). */
  slower = median (sample_ratio) / 10;
  str = g_strdup_printf ("%+.0f %%", slower);
  print_row ("  Byline slower by (median of the per-pair ratios)", str, "<= 25 %",
             slower <= TARGET_SAMPLE_SLOWER ? VERDICT_PASS : VERDICT_FAIL);
  g_clear_pointer (&str, g_free);
  str = g_strdup_printf ("%+.0f %%",
                         (median (sample_byline) - median (sample_bare)) / MAX (median (sample_bare), 1) * 100);
  print_row ("    ratio of the medians", str, "", VERDICT_INFO);

  for (guint i = 0; i < N_OPS; i++)
    {
      g_clear_pointer (&edit.screen[i], g_array_unref);
      g_clear_pointer (&edit.done[i], g_array_unref);
      g_clear_pointer (&edit.stall[i], g_array_unref);
      g_clear_pointer (&edit.call[i], g_array_unref);
    }
  if (opt_keep)
    g_print ("kept %s\n", path);
  else
    remove_files (dir, path);
  g_clear_object (&app);

  g_print ("\n");
  if (n_wrong > 0)
    {
      g_print ("the window showed the wrong thing %u time%s: see above\n",
               n_wrong, n_wrong == 1 ? "" : "s");
      return 1;
    }
  g_print ("checked: %u annotations shown from the top; label + undo and delete + undo "
           "restore the counts\n", N_ANNOTATIONS);
  if (bench_get_n_failed () > 0)
    {
      g_print ("%u target%s missed%s\n", bench_get_n_failed (), bench_get_n_failed () == 1 ? "" : "s",
               opt_no_fail ? " (--no-fail: exit status 0)" : "");
      return opt_no_fail ? 0 : 1;
    }
  g_print ("all targets met\n");
  return 0;
}
