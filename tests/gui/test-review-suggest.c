/* test-review-suggest.c: Suggest, run from the window with the extractors
 * this build has or the user's own command, and stopped or cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like test-review.c, these tests type real keys through the X server's
 * XTEST extension.
 *
 * With BYLINE_SCREENSHOT_DIR set, /gui/review/screenshot saves review.png
 * there: the sample article in review mode after a real Suggest.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "byline-review-private.h"
#include "byline-suggest.h"
#include "byline-window.h"
#include "byline-window-private.h"

#include "gui-test-util.h"
#include "gui-test-xtest.h"
#include "review-test-util.h"

static gboolean have_display;

static const KeySym ctrl[] = { XK_Control_L, 0 };
static const KeySym ctrl_shift[] = { XK_Control_L, XK_Shift_L, 0 };

static void
wait_suggest (BylineWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (byline_window_get_suggesting (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (byline_window_get_suggesting (window));
  gui_test_settle ();
}

static gboolean
have_extractors (void)
{
  const BylineExtractor * const *extractors = byline_extractors_list ();

  for (guint i = 0; extractors[i] != NULL; i++)
    {
      if (extractors[i]->run != NULL)
        return TRUE;
    }
  return FALSE;
}

/* win.suggest (shift+ctrl+r) with the extractors of this build: a spinner
 * while it runs, then the suggestions as one undoable step; Suggest again
 * adds nothing. Stopping adds nothing. */
static void
test_suggest (void)
{
  BylineWindow *window;
  guint n;

  if (gui_test_skip_without_x11 (have_display))
    return;
  if (!have_extractors ())
    {
      g_test_skip ("no built-in extractor in this build");
      return;
    }
  window = review_test_open_sample ();
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl_shift);
  g_assert_true (byline_window_get_suggesting (window) ||
                 byline_document_get_n_annotations (window->document) > 0);
  if (byline_window_get_suggesting (window))
    {
      g_assert_true (gtk_spinner_get_spinning (window->suggest_spinner));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->suggest_stack), ==, "running");
    }
  wait_suggest (window);
  g_assert_false (gtk_spinner_get_spinning (window->suggest_spinner));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->suggest_stack), ==, "idle");
  n = byline_document_get_n_annotations (window->document);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (window->document, i);

      g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_SUGGESTED);
      g_assert_true (g_str_has_prefix (byline_annotation_get_origin (a), "rules:"));
    }

  /* Again: nothing new. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  wait_suggest (window);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, n);

  /* Review mode goes through them all, in reading order, with space. */
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl);
  {
    g_autofree char *expected = g_strdup_printf ("Suggestion 1 of %u", n);
    g_assert_cmpstr (review_test_position_text (window), ==, expected);
  }
  gui_test_type_key (GTK_WIDGET (window), XK_Escape, NULL);

  /* One undo takes them all away. */
  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 0);

  /* Started and stopped at once: nothing is added, the button is idle. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  wait_suggest (window);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->suggest_stack), ==, "idle");

  /* Only the checked extractors run. */
  g_action_group_change_action_state (G_ACTION_GROUP (window->review->suggest_actions), "quotes",
                                      g_variant_new_boolean (FALSE));
  g_action_group_change_action_state (G_ACTION_GROUP (window->review->suggest_actions), "claims",
                                      g_variant_new_boolean (FALSE));
  if (byline_extractor_lookup ("entities")->run != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
      wait_suggest (window);
      n = byline_document_get_n_annotations (window->document);
      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (byline_annotation_get_origin (byline_document_get_annotation (window->document, i)),
                         ==, "rules:entities");
    }
  g_settings_reset (window->settings, "suggest-extractors");
  review_test_close_window (window);
}

/* The user's own model: a command that fails shows what it wrote to
 * stderr. (The extractors are unchecked, so only the command runs.) */
static void
test_suggest_command_error (void)
{
  BylineWindow *window;
  GtkWindow *dialog;
  g_autoptr(GSettings) settings = NULL;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = review_test_open_sample ();
  settings = g_object_ref (window->settings);
  for (const BylineExtractor * const *e = byline_extractors_list (); *e != NULL; e++)
    g_action_group_change_action_state (G_ACTION_GROUP (window->review->suggest_actions), (*e)->name,
                                        g_variant_new_boolean (FALSE));
  /* Nothing checked, no command: a toast, no run. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  g_assert_false (byline_window_get_suggesting (window));

  g_settings_set_string (settings, "suggest-command", "sh -c 'cat >/dev/null; echo model exploded >&2; exit 3'");
  gui_test_settle ();
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window->review->suggest_actions), "command"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  wait_suggest (window);
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Suggestion Command Failed");
  if (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "not available") != NULL)
    {
      /* The command runner is not in this build yet. */
      g_test_message ("suggestion commands are not available: stderr not checked");
    }
  else
    {
      GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
      GtkWidget *label;

      g_assert_nonnull (extra);
      label = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (extra));
      if (GTK_IS_VIEWPORT (label))
        label = gtk_viewport_get_child (GTK_VIEWPORT (label));
      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "model exploded"));
    }
  gtk_window_destroy (dialog);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 0);
  g_settings_reset (settings, "suggest-command");
  g_settings_reset (settings, "suggest-extractors");
  review_test_close_window (window);
}

/* Another document cancels a run for the one before. */
static void
test_suggest_cancelled_by_new_document (void)
{
  BylineWindow *window;
  g_autoptr(BylineDocument) other = NULL;
  g_autoptr(GError) error = NULL;

  if (gui_test_skip_without_x11 (have_display))
    return;
  if (!have_extractors ())
    {
      g_test_skip ("no built-in extractor in this build");
      return;
    }
  window = review_test_open_sample ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  g_assert_true (byline_window_get_suggesting (window));
  other = byline_document_new ();
  g_assert_true (byline_document_set_text (other, "Another article, about Paris.", -1, &error));
  byline_document_mark_loaded (other);
  byline_window_set_document (window, other, NULL);
  g_assert_false (byline_window_get_suggesting (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->suggest_stack), ==, "idle");
  /* Let the worker end: its result is dropped. */
  while (window->review->n_suggest_workers > 0)
    g_main_context_iteration (NULL, TRUE);
  gui_test_settle ();
  g_assert_cmpuint (byline_document_get_n_annotations (other), ==, 0);
  review_test_close_window (window);
}

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* BYLINE_SCREENSHOT_DIR=DIR: the sample article after Suggest, in
 * review mode, a few suggestions decided and rejected ones shown. */
static void
test_screenshot (void)
{
  const char *dir = g_getenv ("BYLINE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *sample = NULL;
  BylineWindow *window;

  if (dir == NULL)
    {
      g_test_skip ("set BYLINE_SCREENSHOT_DIR to take it");
      return;
    }
  if (gui_test_skip_without_x11 (have_display))
    return;
  if (!have_extractors ())
    {
      g_test_skip ("no built-in extractor in this build");
      return;
    }
  sample = gui_test_sample_path ("blinken-china-nbc.txt");
  window = review_test_open_file (sample, 1280, 860);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  wait_suggest (window);
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl);
  /* Decide a few, so that accepted, suggested and the current one show. */
  gui_test_type_key (GTK_WIDGET (window), XK_space, NULL);
  gui_test_type_key (GTK_WIDGET (window), XK_space, NULL);
  gui_test_type_key (GTK_WIDGET (window), XK_x, NULL);
  gui_test_type_key (GTK_WIDGET (window), XK_space, NULL);
  for (guint i = 0; i < 20; i++)
    gui_test_settle ();
  path = g_build_filename (dir, "review.png", NULL);
  save_png (GTK_WIDGET (window), path);

  /* For a look, not for the metainfo: the bulk popover, the command
   * dialog, and rejected suggestions shown in the dark style. */
  gui_test_type_key (GTK_WIDGET (window), XK_b, NULL);
  for (guint i = 0; i < 10; i++)
    gui_test_settle ();
  g_free (path);
  path = g_build_filename (dir, "review-bulk.png", NULL);
  save_png (GTK_WIDGET (window->review->bulk_popover), path);
  gtk_popover_popdown (window->review->bulk_popover);
  gtk_menu_button_popup (window->suggest_menu_button);
  for (guint i = 0; i < 10; i++)
    gui_test_settle ();
  g_free (path);
  path = g_build_filename (dir, "review-suggest-menu.png", NULL);
  save_png (GTK_WIDGET (gtk_menu_button_get_popover (window->suggest_menu_button)), path);
  gtk_menu_button_popdown (window->suggest_menu_button);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest-preferences", NULL);
  for (guint i = 0; i < 10; i++)
    gui_test_settle ();
  g_free (path);
  path = g_build_filename (dir, "review-preferences.png", NULL);
  save_png (window->review->preferences, path);
  gtk_window_destroy (GTK_WINDOW (window->review->preferences));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_action_group_change_action_state (G_ACTION_GROUP (window->layer_actions), "show-rejected",
                                      g_variant_new_boolean (TRUE));
  for (guint i = 0; i < 20; i++)
    gui_test_settle ();
  g_free (path);
  path = g_build_filename (dir, "review-dark.png", NULL);
  save_png (GTK_WIDGET (window), path);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  review_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  have_display = review_test_init (&argc, &argv, "io.github.byline.Byline.TestReviewSuggest");

  g_test_add_func ("/gui/review/suggest", test_suggest);
  g_test_add_func ("/gui/review/suggest-command-error", test_suggest_command_error);
  g_test_add_func ("/gui/review/suggest-cancelled", test_suggest_cancelled_by_new_document);
  g_test_add_func ("/gui/review/screenshot", test_screenshot);

  return review_test_run ();
}
