/* review-test-util.c: what the tests of review mode and Suggest share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application (with a reviewer's name set), a window opened on an
 * article and closed once Suggest's workers are done, and the review
 * bar's position.
 */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "byline-application.h"
#include "byline-review-private.h"
#include "byline-window.h"
#include "byline-window-private.h"

#include "gui-test-util.h"
#include "review-test-util.h"

static GtkApplication *app;

/* Before the tests are added; @application_id names the application (one
 * per test executable). Returns whether GTK could open a display. */
gboolean
review_test_init (int         *argc,
                  char      ***argv,
                  const char  *application_id)
{
  gboolean have_display;

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    {
      g_autoptr(GSettings) settings = NULL;

      adw_init ();
      app = GTK_APPLICATION (g_object_new (BYLINE_TYPE_APPLICATION,
                                           "application-id", application_id,
                                           "flags", G_APPLICATION_NON_UNIQUE,
                                           "resource-base-path", "/io/github/byline/Byline",
                                           NULL));
      g_application_register (G_APPLICATION (app), NULL, NULL);
      /* The memory backend: decisions are recorded under this name. */
      settings = g_settings_new (APP_ID);
      g_settings_set_string (settings, "reviewer", REVIEW_TEST_REVIEWER);
    }
  return have_display;
}

/* Runs the tests, then drops the application. */
int
review_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&app);
  return status;
}

/* A window on @path, its entities layer chosen and the article focused,
 * as a reviewer starts. */
BylineWindow *
review_test_open_file (const char *path,
                       int         width,
                       int         height)
{
  BylineWindow *window = gui_test_create_window (app, width, height);

  gui_test_load_file (window, path);
  byline_window_set_layer (window, "entities");
  gtk_widget_grab_focus (GTK_WIDGET (window->article_view));
  gui_test_settle ();
  return window;
}

/* The sample article, without annotations. */
BylineWindow *
review_test_open_sample (void)
{
  g_autofree char *path = gui_test_sample_path ("blinken-china-nbc.txt");

  return review_test_open_file (path, 1200, 800);
}

void
review_test_close_window (BylineWindow *window)
{
  /* A worker holds the window until it is back, cancelled or not. */
  while (byline_window_get_suggesting (window) || window->review->n_suggest_workers > 0)
    g_main_context_iteration (NULL, TRUE);
  gui_test_discard_window (window);
}

/* What the review bar says of the current suggestion ("Suggestion 1 of
 * 7"). */
const char *
review_test_position_text (BylineWindow *window)
{
  return gtk_label_get_label (window->review->position_label);
}
