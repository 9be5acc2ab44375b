/* byline-application.c: the application object of the byline window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-application.h"
#include "byline-gui-private.h"
#include "byline-window.h"

struct _BylineApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (BylineApplication, byline_application, ADW_TYPE_APPLICATION)

/* Every accelerator of the application, in one place; the shortcuts window
 * (ui/gtk/help-overlay.ui) lists the same actions and reads their keys from
 * here. */
static const struct
{
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.import", { "<Control>i", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.find-next", { "<Control>g", NULL } },
  { "win.find-previous", { "<Control><Shift>g", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-reset", { "<Control>0", NULL } },
  { "win.toggle-panel", { "F9", NULL } },
  { "win.suggest", { "<Control><Shift>r", NULL } },
  { "win.review", { "<Control>r", NULL } },
};

static BylineWindow *
byline_application_get_idle_window (BylineApplication *self)
{
  GtkWindow *window;

  g_assert (BYLINE_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (BYLINE_IS_WINDOW (window) &&
      byline_window_get_document (BYLINE_WINDOW (window)) == NULL &&
      !byline_window_get_loading (BYLINE_WINDOW (window)))
    {
      return BYLINE_WINDOW (window);
    }

  return NULL;
}

static void
byline_application_activate (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (byline_window_new (self));
    }

  gtk_window_present (window);
}

static void
byline_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  BylineApplication *self = BYLINE_APPLICATION (application);

  /* The first file goes into an empty window if there is one; every other
   * file gets a window of its own. */
  for (int i = 0; i < n_files; i++)
    {
      BylineWindow *window = byline_application_get_idle_window (self);

      if (window == NULL)
        {
          window = byline_window_new (self);
        }

      byline_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
byline_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  BylineApplication *self = user_data;
  GList *windows;

  g_assert (BYLINE_IS_APPLICATION (self));

  /* Closing the windows (rather than g_application_quit ()) lets each of
   * them ask about unsaved changes and save its state on the way out; the
   * application ends with the last one. A window that asks stays open. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);

  for (const GList *l = windows; l != NULL; l = l->next)
    {
      gtk_window_close (GTK_WINDOW (l->data));
    }

  g_list_free_full (windows, g_object_unref);
}

/* The shortcuts window is built when it is first asked for, not with
 * every window: GtkApplication builds gtk/help-overlay.ui for each new
 * window, and its hundred widgets took a third of the time a window
 * needs to show an article. So the file is in the resource under
 * another name, and this gives it to the window the first time. */
#define SHORTCUTS_RESOURCE "/io/github/byline/Byline/byline-shortcuts.ui"

static void
byline_application_shortcuts_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  BylineApplication *self = user_data;
  GtkApplicationWindow *window;

  g_assert (BYLINE_IS_APPLICATION (self));

  window = GTK_APPLICATION_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)));

  if (window == NULL || !GTK_IS_APPLICATION_WINDOW (window))
    {
      return;
    }

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (SHORTCUTS_RESOURCE);
      GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

      g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (overlay));
      /* It adds win.show-help-overlay to the window. */
      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (overlay));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
byline_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  static const char *developers[] = {
    "Byline developers https://github.com/byline/byline",
    NULL
  };
  BylineApplication *self = user_data;
  GtkWindow *window;
  AdwAboutWindow *about;

  g_assert (BYLINE_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  adw_about_window_set_application_name (about, _("Byline"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("Byline developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about, _("Annotate news articles: entities, quotes and claims."));
  adw_about_window_set_website (about, "https://github.com/byline/byline");
  adw_about_window_set_issue_url (about, "https://github.com/byline/byline/issues");
  adw_about_window_set_copyright (about, _("© 2026 Byline developers"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: replace this with your name(s), one per line. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  if (window != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), window);
    }

  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", byline_application_quit_action },
  { "shortcuts", byline_application_shortcuts_action },
  { "about", byline_application_about_action },
};

static void
byline_application_startup (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);

  G_APPLICATION_CLASS (byline_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    {
      gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                             accelerators[i].action,
                                             accelerators[i].accels);
    }
}

static void
byline_application_class_init (BylineApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  byline_gui_ensure_resources ();

  app_class->startup = byline_application_startup;
  app_class->activate = byline_application_activate;
  app_class->open = byline_application_open;
}

static void
byline_application_init (BylineApplication *self)
{
}

/**
 * byline_application_new:
 *
 * Returns: (transfer full): the application io.github.byline.Byline, which
 *   opens the files it is given on the command line
 */
BylineApplication *
byline_application_new (void)
{
  return g_object_new (BYLINE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/byline/Byline",
                       NULL);
}
