/* byline-review-suggest.c: Suggest, from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.suggest runs the built-in extractors checked in the menu beside the
 * button, then the user's own model (the "suggest-command" setting), in a
 * worker thread on a copy of the text and annotations; the button spins
 * meanwhile, and a click on it stops the run. The results are added to
 * the document as one undoable step (byline_suggestions_apply). A run is
 * cancelled when the window shows another document or closes.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-gui-private.h"
#include "byline-native.h"
#include "byline-review-private.h"
#include "byline-suggest.h"

#define PREFERENCES_UI "/io/github/byline/Byline/byline-review-preferences.ui"

/* What the command's stderr shows at most: its end, where errors are. */
#define MAX_STDERR_SHOWN 8000

typedef struct
{
  BylineDocument    *document;
  BylineSuggestions *suggestions;
  char              *text;
  GStrv              names;
  char              *command;
  char              *json;
  gsize              json_len;
  guint              timeout_ms;
  /* Set by the worker. */
  char              *command_stderr;
  GError            *command_error;
} SuggestJob;

static void
suggest_job_free (gpointer data)
{
  SuggestJob *job = data;

  g_clear_object (&job->document);
  g_clear_pointer (&job->suggestions, byline_suggestions_free);
  g_clear_pointer (&job->text, g_free);
  g_clear_pointer (&job->names, g_strfreev);
  g_clear_pointer (&job->command, g_free);
  g_clear_pointer (&job->json, g_free);
  g_clear_pointer (&job->command_stderr, g_free);
  g_clear_error (&job->command_error);
  g_free (job);
}

/* In a worker thread: reads only the job's copies. */
static void
suggest_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SuggestJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (job->names[0] != NULL &&
      !byline_suggestions_run (job->suggestions, job->text, (const char * const *) job->names,
                               cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->command != NULL &&
      !byline_suggestions_run_command (job->suggestions, job->command, job->json, job->json_len,
                                       job->timeout_ms, cancellable, &job->command_stderr, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* The built-in extractors' suggestions are still worth having. */
      job->command_error = g_steal_pointer (&error);
    }
  g_task_return_boolean (task, TRUE);
}

gboolean
byline_window_get_suggesting (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  return self->review != NULL && self->review->suggest_cancellable != NULL;
}

/* The button spins while a run goes on, and then stops it. */
static void
show_busy (BylineWindow *self,
           gboolean      busy)
{
  const char *name = busy ? _("Stop Suggesting") : _("Suggest Annotations");
  g_autofree char *tooltip = g_strdup_printf ("%s (%s)", name, _("Shift+Ctrl+R"));

  gtk_stack_set_visible_child_name (self->suggest_stack, busy ? "running" : "idle");
  gtk_spinner_set_spinning (self->suggest_spinner, busy);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->suggest_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggest_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* Cancels a run without a word: the document changed or the window is
 * going. */
void
_byline_review_suggest_cancel (BylineWindow *self)
{
  BylineWindowReview *r = self->review;

  if (r == NULL || r->suggest_cancellable == NULL)
    return;
  g_cancellable_cancel (r->suggest_cancellable);
  g_clear_object (&r->suggest_cancellable);
  r->suggest_stopped = FALSE;
  show_busy (self, FALSE);
}

static void
on_error_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* An error, with what the command wrote to stderr (its end) to read and
 * copy. */
static void
show_error (BylineWindow *self,
            const char   *heading,
            const char   *message,
            const char   *stderr_text)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  if (stderr_text != NULL && stderr_text[0] != '\0')
    {
      gsize len = strlen (stderr_text);
      const char *tail = stderr_text;
      g_autofree char *shown = NULL;
      GtkWidget *label;

      if (len > MAX_STDERR_SHOWN)
        {
          tail = g_utf8_find_next_char (stderr_text + len - MAX_STDERR_SHOWN, NULL);
          if (tail == NULL)
            tail = stderr_text + len;
        }
      shown = g_utf8_make_valid (tail, -1);
      g_strchomp (shown);
      label = byline_gui_message_dialog_add_text (ADW_MESSAGE_DIALOG (dialog), shown, 280);
      gtk_widget_add_css_class (label, "monospace");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("What the command wrote"),
                                      -1);
    }
  byline_gui_message_dialog_add_close (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response_cb), NULL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_suggest_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BylineWindow *self = BYLINE_WINDOW (object);
  GTask *task = G_TASK (result);
  SuggestJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean current;
  gboolean stopped = FALSE;
  AdwToast *toast;
  guint n_relations = 0;
  guint n;

  /* Disposed meanwhile: the task kept the window alive, nothing more. */
  if (self->review == NULL)
    return;
  self->review->n_suggest_workers--;
  current = self->review->suggest_cancellable == g_task_get_cancellable (task);
  if (current)
    {
      stopped = self->review->suggest_stopped;
      g_clear_object (&self->review->suggest_cancellable);
      self->review->suggest_stopped = FALSE;
      show_busy (self, FALSE);
    }

  if (!g_task_propagate_boolean (task, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Suggest Failed"), error->message, NULL);
      else if (stopped)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Suggest stopped: nothing was added")));
      return;
    }
  /* Cancelled too late, or for another document: drop it. */
  if (!current || job->document != self->document)
    return;

  n = byline_suggestions_apply (job->suggestions, self->document, &n_relations);
  if (n > 0)
    /* TRANSLATORS: a toast after Suggest */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Suggested %u annotation",
                                          "Suggested %u annotations", n), n);
  else
    title = g_strdup (_("No new suggestions"));
  toast = adw_toast_new (title);
  if (n > 0 && !byline_window_get_reviewing (self))
    {
      /* Gone once review mode is on, so that it never turns it off. */
      adw_toast_set_button_label (toast, _("_Review"));
      adw_toast_set_action_name (toast, "win.review");
      if (self->review->suggest_toast != NULL)
        g_object_remove_weak_pointer (G_OBJECT (self->review->suggest_toast),
                                      (gpointer *) &self->review->suggest_toast);
      self->review->suggest_toast = toast;
      g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->review->suggest_toast);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _byline_review_after_suggest (self);

  if (job->command_error != NULL)
    show_error (self, _("The Suggestion Command Failed"), job->command_error->message,
                job->command_stderr);
}

/* The extractors checked in the menu (and built in this build). */
static GStrv
dup_chosen_extractors (BylineWindow *self)
{
  const BylineExtractor * const *extractors = byline_extractors_list ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; extractors[i] != NULL; i++)
    {
      g_autoptr(GVariant) state = NULL;

      if (extractors[i]->run == NULL)
        continue;
      state = g_action_group_get_action_state (G_ACTION_GROUP (self->review->suggest_actions),
                                               extractors[i]->name);
      if (state != NULL && g_variant_get_boolean (state))
        g_strv_builder_add (names, extractors[i]->name);
    }
  return g_strv_builder_end (names);
}

static char *
dup_command (BylineWindow *self)
{
  g_autofree char *command = NULL;
  g_autoptr(GVariant) use = NULL;

  if (self->settings == NULL)
    return NULL;
  use = g_action_group_get_action_state (G_ACTION_GROUP (self->review->suggest_actions), "command");
  if (use == NULL || !g_variant_get_boolean (use))
    return NULL;
  command = g_settings_get_string (self->settings, "suggest-command");
  g_strstrip (command);
  return command[0] != '\0' ? g_steal_pointer (&command) : NULL;
}

/* win.suggest: starts a run, or stops the one going on. */
static void
suggest_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineWindowReview *r = self->review;
  g_autoptr(GTask) task = NULL;
  SuggestJob *job;

  if (r->suggest_cancellable != NULL)
    {
      r->suggest_stopped = TRUE;
      g_cancellable_cancel (r->suggest_cancellable);
      return;
    }
  if (self->document == NULL)
    return;

  job = g_new0 (SuggestJob, 1);
  job->names = dup_chosen_extractors (self);
  job->command = dup_command (self);
  if (job->names[0] == NULL && job->command == NULL)
    {
      suggest_job_free (job);
      byline_window_add_error_toast (self, _("Nothing to run: check an extractor in the menu beside Suggest"));
      return;
    }
  job->document = g_object_ref (self->document);
  /* Copies for the worker: the document stays the main thread's. */
  job->suggestions = byline_suggestions_new_for_document (self->document);
  job->text = g_strdup (byline_document_get_text (self->document));
  if (job->command != NULL)
    {
      job->json = byline_native_to_string (self->document, &job->json_len);
      job->timeout_ms = self->settings != NULL
        ? (guint) MIN ((guint64) g_settings_get_uint (self->settings, "suggest-timeout") * 1000, G_MAXUINT)
        : 0;
    }

  r->suggest_cancellable = g_cancellable_new ();
  r->suggest_stopped = FALSE;
  task = g_task_new (self, r->suggest_cancellable, on_suggest_done_cb, NULL);
  g_task_set_source_tag (task, suggest_action);
  g_task_set_task_data (task, job, suggest_job_free);
  g_task_run_in_thread (task, suggest_worker);
  r->n_suggest_workers++;
  show_busy (self, TRUE);
}

/* ---- What to run: the menu beside the button --------------------------- */

static void
on_extractor_state_cb (GSimpleAction *action,
                       GVariant      *value,
                       BylineWindow  *self)
{
  g_simple_action_set_state (action, value);
  if (self->settings != NULL)
    {
      g_auto(GStrv) names = dup_chosen_extractors (self);

      g_settings_set_strv (self->settings, "suggest-extractors", (const char * const *) names);
    }
}

static void
on_command_state_cb (GSimpleAction *action,
                     GVariant      *value,
                     BylineWindow  *self)
{
  g_simple_action_set_state (action, value);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "suggest-use-command", g_variant_get_boolean (value));
}

/* "My Model" is offered once a command is set. */
static void
update_command_action (BylineWindow *self)
{
  g_autofree char *command = NULL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->review->suggest_actions), "command");

  if (self->settings != NULL)
    {
      command = g_settings_get_string (self->settings, "suggest-command");
      g_strstrip (command);
    }
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), command != NULL && command[0] != '\0');
}

static void
on_command_setting_changed_cb (GSettings    *settings,
                               const char   *key,
                               BylineWindow *self)
{
  if (self->review != NULL)
    update_command_action (self);
}

static void
create_suggest_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  const BylineExtractor * const *extractors = byline_extractors_list ();
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) builtin = NULL;
  g_autoptr(GMenu) mine = NULL;
  g_autoptr(GMenu) settings = NULL;
  g_autoptr(GMenuItem) model = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  menu = g_menu_new ();
  builtin = g_menu_new ();
  for (guint i = 0; extractors[i] != NULL; i++)
    {
      g_autofree char *action = NULL;

      if (extractors[i]->run == NULL)
        continue;
      action = g_strdup_printf ("suggest.%s", extractors[i]->name);
      g_menu_append (builtin, _(extractors[i]->title), action);
    }
  g_menu_append_section (menu, _("Built-in Extractors"), G_MENU_MODEL (builtin));
  mine = g_menu_new ();
  model = g_menu_item_new (_("_My Model (the Suggestion Command)"), "suggest.command");
  g_menu_item_set_attribute (model, "hidden-when", "s", "action-disabled");
  g_menu_append_item (mine, model);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (mine));
  settings = g_menu_new ();
  g_menu_append (settings, _("Suggestion _Command…"), "win.suggest-preferences");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (settings));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* ---- Suggestion Command… ---------------------------------------------- */

static void
on_timeout_changed_cb (GtkSpinButton *spin,
                       BylineWindow  *self)
{
  if (self->settings != NULL)
    g_settings_set_uint (self->settings, "suggest-timeout", (guint) gtk_spin_button_get_value_as_int (spin));
}

static void
suggest_preferences_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineWindowReview *r = self->review;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autofree char *description = NULL;
  GtkWidget *dialog;
  GtkSpinButton *spin;
  GSettings *settings = self->settings;

  if (r->preferences != NULL)
    {
      gtk_window_present (GTK_WINDOW (r->preferences));
      return;
    }
  if (settings == NULL)
    {
      byline_window_add_error_toast (self, _("Settings are not installed: run Byline from its build with “meson devenv”"));
      return;
    }

  builder = gtk_builder_new_from_resource (PREFERENCES_UI);
  dialog = GTK_WIDGET (gtk_builder_get_object (builder, "preferences"));
  g_settings_bind (settings, "suggest-command", gtk_builder_get_object (builder, "command_row"), "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reviewer", gtk_builder_get_object (builder, "reviewer_row"), "text",
                   G_SETTINGS_BIND_DEFAULT);
  spin = GTK_SPIN_BUTTON (gtk_builder_get_object (builder, "timeout_spin"));
  gtk_spin_button_set_value (spin, g_settings_get_uint (settings, "suggest-timeout"));
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_timeout_changed_cb), self, 0);
  description = g_strdup_printf (_("Accepted and rejected suggestions record who decided: this name, or “%s” when it is empty."),
                                 _byline_review_get_default_reviewer ());
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "review_group")),
                                         description);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  r->preferences = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &r->preferences);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Set up ------------------------------------------------------------ */

void
_byline_review_suggest_update (BylineWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.suggest", self->document != NULL);
}

void
_byline_review_suggest_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.suggest", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "win.suggest-preferences", NULL, suggest_preferences_action);
}

void
_byline_review_suggest_init (BylineWindow *self)
{
  const BylineExtractor * const *extractors = byline_extractors_list ();
  BylineWindowReview *r = self->review;
  g_auto(GStrv) chosen = NULL;
  gboolean use_command = TRUE;
  GSimpleAction *action;

  if (self->settings != NULL)
    {
      chosen = g_settings_get_strv (self->settings, "suggest-extractors");
      use_command = g_settings_get_boolean (self->settings, "suggest-use-command");
      g_signal_connect_object (self->settings, "changed::suggest-command",
                               G_CALLBACK (on_command_setting_changed_cb), self, 0);
    }

  r->suggest_actions = g_simple_action_group_new ();
  for (guint i = 0; extractors[i] != NULL; i++)
    {
      gboolean on = chosen == NULL || g_strv_contains ((const char * const *) chosen, extractors[i]->name);

      action = g_simple_action_new_stateful (extractors[i]->name, NULL, g_variant_new_boolean (on));
      g_simple_action_set_enabled (action, extractors[i]->run != NULL);
      g_signal_connect (action, "change-state", G_CALLBACK (on_extractor_state_cb), self);
      g_action_map_add_action (G_ACTION_MAP (r->suggest_actions), G_ACTION (action));
      g_object_unref (action);
    }
  action = g_simple_action_new_stateful ("command", NULL, g_variant_new_boolean (use_command));
  g_signal_connect (action, "change-state", G_CALLBACK (on_command_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (r->suggest_actions), G_ACTION (action));
  g_object_unref (action);
  update_command_action (self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "suggest", G_ACTION_GROUP (r->suggest_actions));

  gtk_menu_button_set_create_popup_func (self->suggest_menu_button, create_suggest_menu_cb, self, NULL);
  _byline_review_suggest_update (self);
}
