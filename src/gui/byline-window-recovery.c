/* byline-window-recovery.c: recovery copies of unsaved changes, and the
 * offer to restore one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While there are unsaved changes, a recovery copy is written a few seconds
 * after a change (not on a busy timer) to the recovery directory:
 *
 *   $BYLINE_RECOVERY_DIR, or $XDG_STATE_HOME/byline/recovery
 *     KEY.byline.json   the document, as Save would write it
 *     KEY.info.json     {"version", "path", "title", "written"}
 *
 * KEY is the SHA-1 of the file's absolute path, or untitled-N for a
 * document without a file. The copy goes when the document is saved, when
 * its changes are discarded, or when it becomes unmodified again (undo);
 * opening a file with a copy that differs from the file offers to restore
 * it.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-atomic.h"
#include "byline-format.h"
#include "byline-native.h"
#include "byline-window-io-private.h"

#define RECOVERY_INFO_SUFFIX   ".info.json"
#define RECOVERY_DIR_ENV       "BYLINE_RECOVERY_DIR"
#define DEFAULT_AUTOSAVE_SECS  5
#define RECOVERY_STEP_BUDGET 1000

static void byline_window_take_recovery_key (BylineWindow *self,
                                             const char   *key);

/* Recovery copies */

char *
_byline_window_dup_recovery_dir (void)
{
  const char *dir = g_getenv (RECOVERY_DIR_ENV);

  if (dir != NULL && dir[0] != '\0')
    {
      return g_strdup (dir);
    }

  return g_build_filename (g_get_user_state_dir (), "byline", "recovery", NULL);
}

static char *
byline_window_dup_file_path (BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  return self->file != NULL ? g_file_get_path (self->file) : NULL;
}

/* The key of the document's recovery copy right now; NULL for a window
 * without a document. */
static const char *
byline_window_get_recovery_key (BylineWindow  *self,
                                char         **owned)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_assert (BYLINE_IS_WINDOW (self));
  g_assert (owned != NULL && *owned == NULL);

  if (self->document == NULL)
    {
      return NULL;
    }

  path = byline_window_dup_file_path (self);

  if (path != NULL)
    {
      /* g_file_get_path () is absolute already. */
      return *owned = g_compute_checksum_for_string (G_CHECKSUM_SHA1, path, -1);
    }

  if (self->io->untitled_key == NULL)
    {
      dir = _byline_window_dup_recovery_dir ();

      /* Keep clear of a copy a previous session left behind. */
      for (guint n = 1; self->io->untitled_key == NULL; n++)
        {
          g_autofree char *key = g_strdup_printf ("untitled-%u", n);
          g_autofree char *name = g_strconcat (key, NATIVE_SUFFIX, NULL);
          g_autofree char *candidate = g_build_filename (dir, name, NULL);

          if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
            {
              self->io->untitled_key = g_steal_pointer (&key);
            }
        }
    }

  return self->io->untitled_key;
}

static char *
byline_window_build_recovery_path (const char *key,
                                   const char *suffix)
{
  g_autofree char *dir = _byline_window_dup_recovery_dir ();
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/**
 * byline_window_dup_recovery_path:
 * @self: a #BylineWindow
 *
 * Returns: (transfer full) (nullable): where the recovery copy of the
 *   document shown is (or would be) written
 */
char *
byline_window_dup_recovery_path (BylineWindow *self)
{
  g_autofree char *owned = NULL;
  const char *key;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  key = byline_window_get_recovery_key (self, &owned);

  return key != NULL ? byline_window_build_recovery_path (key, NATIVE_SUFFIX) : NULL;
}

static void
byline_window_delete_recovery_key (const char *key)
{
  g_autofree char *copy = NULL;
  g_autofree char *info = NULL;

  if (key == NULL)
    {
      return;
    }

  copy = byline_window_build_recovery_path (key, NATIVE_SUFFIX);
  info = byline_window_build_recovery_path (key, RECOVERY_INFO_SUFFIX);

  /* The copy first: an info file without its copy is ignored. */
  if (g_unlink (copy) != 0 && errno != ENOENT)
    {
      g_debug ("Could not remove the recovery copy %s: %s", copy, g_strerror (errno));
    }

  if (g_unlink (info) != 0 && errno != ENOENT)
    {
      g_debug ("Could not remove %s: %s", info, g_strerror (errno));
    }
}

/* Removes the copy this window wrote or restored, and the one of the
 * current file. */
void
_byline_window_delete_recovery (BylineWindow *self)
{
  g_autofree char *owned = NULL;
  const char *key;

  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io->owned_key != NULL)
    {
      byline_window_delete_recovery_key (self->io->owned_key);
      g_clear_pointer (&self->io->owned_key, g_free);
    }

  key = byline_window_get_recovery_key (self, &owned);
  byline_window_delete_recovery_key (key);
}

static char *
byline_window_recovery_info_to_string (BylineWindow *self,
                                       gsize        *len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = byline_window_dup_file_path (self);
  g_autofree char *written = g_date_time_format_iso8601 (now);
  const char *title;

  title = byline_document_get_meta_string (self->document, BYLINE_META_TITLE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "path");
  if (path != NULL)
    {
      json_builder_add_string_value (builder, path);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "title");
  if (title != NULL)
    {
      json_builder_add_string_value (builder, title);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "written");
  json_builder_add_string_value (builder, written);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, len);
}

/**
 * byline_window_write_recovery:
 * @self: a #BylineWindow
 * @error: where to put the reason the copy could not be written
 *
 * Writes the recovery copy of the document shown, and its info file,
 * atomically. The autosave timeout calls this; tests call it directly.
 *
 * Returns: %TRUE when the copy is written (or there is no document)
 */
gboolean
byline_window_write_recovery (BylineWindow  *self,
                              GError       **error)
{
  g_autofree char *owned = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *info = NULL;
  g_autofree char *data = NULL;
  g_autofree char *info_data = NULL;
  const char *key;
  gsize len;
  gsize info_len;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  key = byline_window_get_recovery_key (self, &owned);

  if (key == NULL)
    {
      return TRUE;
    }

  dir = _byline_window_dup_recovery_dir ();

  /* 0700: the copies hold the user's unpublished work. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  copy = byline_window_build_recovery_path (key, NATIVE_SUFFIX);
  info = byline_window_build_recovery_path (key, RECOVERY_INFO_SUFFIX);
  data = byline_native_to_string (self->document, &len);
  info_data = byline_window_recovery_info_to_string (self, &info_len);

  if (!byline_atomic_write (copy, data, len, FALSE, error) ||
      !byline_atomic_write (info, info_data, info_len, FALSE, error))
    {
      return FALSE;
    }

  byline_window_take_recovery_key (self, key);
  return TRUE;
}

static void
byline_window_recovery_failed (BylineWindow *self,
                               const GError *error)
{
  g_debug ("Recovery copy not written: %s", error->message);

  /* Once per document: a full disk would otherwise toast every few
   * seconds. */
  if (!self->io->recovery_error_shown)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Could not write a recovery copy: %s"), error->message);
      byline_window_add_error_toast (self, message);
      self->io->recovery_error_shown = TRUE;
    }
}

/* The copy of @key is written: it is the one this window owns now. */
static void
byline_window_take_recovery_key (BylineWindow *self,
                                 const char   *key)
{
  if (g_strcmp0 (self->io->owned_key, key) != 0)
    {
      /* After Save As under another name the old copy is stale. */
      if (self->io->owned_key != NULL)
        {
          byline_window_delete_recovery_key (self->io->owned_key);
        }

      g_free (self->io->owned_key);
      self->io->owned_key = g_strdup (key);
    }
}

/* Drops a copy being made (not one being written to disk: that one is
 * whole, and its result is ignored when cancelled). */
void
_byline_window_cancel_recovery (BylineWindow *self)
{
  BylineWindowIo *io = self->io;

  g_clear_handle_id (&io->recovery_step_id, g_source_remove);
  g_clear_pointer (&io->recovery_writer, byline_native_writer_free);
  if (io->recovery_data != NULL)
    {
      g_string_free (io->recovery_data, TRUE);
      io->recovery_data = NULL;
    }
  g_clear_pointer (&io->recovery_key, g_free);
  g_clear_pointer (&io->recovery_info, g_free);
  io->recovery_stale = FALSE;
}

typedef struct
{
  char  *dir;
  char  *copy;
  char  *info;
  char  *key;
  char  *data;
  gsize  len;
  char  *info_data;
} RecoveryJob;

static void
recovery_job_free (gpointer data)
{
  RecoveryJob *job = data;

  g_free (job->dir);
  g_free (job->copy);
  g_free (job->info);
  g_free (job->key);
  g_free (job->data);
  g_free (job->info_data);
  g_free (job);
}

static void
recovery_write_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  RecoveryJob *job = task_data;
  GError *error = NULL;

  /* 0700: the copies hold the user's unpublished work. */
  if (g_mkdir_with_parents (job->dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the folder “%s”: %s"),
                               job->dir, g_strerror (saved_errno));
      return;
    }
  if (!byline_atomic_write (job->copy, job->data, job->len, FALSE, &error) ||
      !byline_atomic_write (job->info, job->info_data, strlen (job->info_data), FALSE, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_recovery_written_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  BylineWindow *self = BYLINE_WINDOW (object);
  RecoveryJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (self->io != NULL)
    self->io->recovery_writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->io != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_recovery_failed (self, error);
      return;
    }
  if (self->io == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  /* Saved or undone to the saved state meanwhile: the copy goes. */
  if (self->document == NULL || !byline_document_get_modified (self->document))
    {
      byline_window_delete_recovery_key (job->key);
      return;
    }
  byline_window_take_recovery_key (self, job->key);
}

static gboolean
on_recovery_step_cb (gpointer user_data)
{
  BylineWindow *self = user_data;
  BylineWindowIo *io = self->io;
  g_autoptr(GTask) task = NULL;
  RecoveryJob *job;
  gint64 start = g_get_monotonic_time ();
  gboolean done;
  gint64 took;

  if (io->recovery_stale)
    {
      io->recovery_step_id = 0;
      _byline_window_cancel_recovery (self);
      _byline_window_arm_autosave (self);
      return G_SOURCE_REMOVE;
    }

  done = byline_native_writer_step (io->recovery_writer, io->recovery_data, RECOVERY_STEP_BUDGET);
  took = g_get_monotonic_time () - start;
  io->recovery_longest_step = MAX (io->recovery_longest_step, took);
  io->recovery_main_thread += took;
  if (!done)
    return G_SOURCE_CONTINUE;

  io->recovery_step_id = 0;
  g_string_append_c (io->recovery_data, '\n');
  job = g_new0 (RecoveryJob, 1);
  job->dir = _byline_window_dup_recovery_dir ();
  job->copy = byline_window_build_recovery_path (io->recovery_key, NATIVE_SUFFIX);
  job->info = byline_window_build_recovery_path (io->recovery_key, RECOVERY_INFO_SUFFIX);
  job->key = g_steal_pointer (&io->recovery_key);
  job->len = io->recovery_data->len;
  job->data = g_string_free (g_steal_pointer (&io->recovery_data), FALSE);
  job->info_data = g_steal_pointer (&io->recovery_info);
  g_clear_pointer (&io->recovery_writer, byline_native_writer_free);

  g_clear_object (&io->recovery_cancellable);
  io->recovery_cancellable = g_cancellable_new ();
  task = g_task_new (self, io->recovery_cancellable, on_recovery_written_cb, NULL);
  g_task_set_source_tag (task, on_recovery_step_cb);
  g_task_set_name (task, "[byline] recovery copy");
  g_task_set_task_data (task, job, recovery_job_free);
  io->recovery_writing = TRUE;
  g_task_run_in_thread (task, recovery_write_worker);
  return G_SOURCE_REMOVE;
}

/**
 * byline_window_start_recovery:
 * @self: a #BylineWindow
 *
 * Starts making the recovery copy of the document shown: between frames
 * on the main thread, then on disk in a worker. The autosave timeout
 * calls this; the benchmark too.
 */
void
byline_window_start_recovery (BylineWindow *self)
{
  BylineWindowIo *io;
  g_autofree char *owned = NULL;
  const char *key;
  gsize info_len;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  io = self->io;
  if (io->recovery_writer != NULL || self->document == NULL)
    return;
  key = byline_window_get_recovery_key (self, &owned);
  if (key == NULL)
    return;

  io->recovery_key = g_strdup (key);
  io->recovery_info = byline_window_recovery_info_to_string (self, &info_len);
  io->recovery_writer = byline_native_writer_new (self->document, FALSE);
  io->recovery_data = g_string_sized_new (byline_document_get_text_bytes (self->document) * 2 + 4096);
  io->recovery_stale = FALSE;
  io->recovery_longest_step = 0;
  io->recovery_main_thread = 0;
  /* Below drawing: the frames of the user's edits come first. */
  io->recovery_step_id = g_idle_add_full (G_PRIORITY_LOW, on_recovery_step_cb, self, NULL);
  g_source_set_name_by_id (io->recovery_step_id, "[byline] recovery copy step");
}

/**
 * byline_window_get_recovery_progress:
 * @longest_step: (out) (optional): the longest step on the main thread of
 *   the last copy made, in µs
 * @main_thread: (out) (optional): all its steps together, in µs
 *
 * Returns: %TRUE while a copy is being made or written
 */
gboolean
byline_window_get_recovery_progress (BylineWindow *self,
                                     gint64       *longest_step,
                                     gint64       *main_thread)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  if (longest_step != NULL)
    *longest_step = self->io->recovery_longest_step;
  if (main_thread != NULL)
    *main_thread = self->io->recovery_main_thread;
  return self->io->recovery_writer != NULL || self->io->recovery_writing;
}

static gboolean
on_autosave_timeout_cb (gpointer user_data)
{
  BylineWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (BYLINE_IS_WINDOW (self));

  self->io->autosave_id = 0;

  if (self->document == NULL || !byline_document_get_modified (self->document))
    {
      return G_SOURCE_REMOVE;
    }

  byline_window_start_recovery (self);
  return G_SOURCE_REMOVE;
}

guint
_byline_window_get_autosave_interval (BylineWindow *self)
{
  if (self->settings == NULL)
    {
      return DEFAULT_AUTOSAVE_SECS;
    }

  return g_settings_get_uint (self->settings, "autosave-interval");
}

/* Armed by a change, not re-armed by the next one: during steady work a
 * copy is written every few seconds, instead of being put off until the
 * user pauses. */
void
_byline_window_arm_autosave (BylineWindow *self)
{
  guint interval;

  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io->autosave_id != 0 || self->document == NULL)
    {
      return;
    }

  interval = _byline_window_get_autosave_interval (self);

  if (interval == 0)
    {
      return;
    }

  self->io->autosave_id = g_timeout_add_seconds (interval, on_autosave_timeout_cb, self);
  g_source_set_name_by_id (self->io->autosave_id, "[byline] recovery copy");
}

/**
 * byline_window_discard_recovery:
 * @self: a #BylineWindow
 *
 * Forgets the recovery copy of the document shown: the user discarded its
 * changes, or declined to restore it.
 */
void
byline_window_discard_recovery (BylineWindow *self)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));

  g_clear_handle_id (&self->io->autosave_id, g_source_remove);
  _byline_window_delete_recovery (self);
}

/**
 * byline_window_restore_recovery:
 * @self: a #BylineWindow
 * @error: where to put the reason the copy could not be read
 *
 * Replaces the document shown by its recovery copy. The file stays the
 * save target, and the document is marked modified.
 *
 * Returns: %TRUE when the copy is shown
 */
gboolean
byline_window_restore_recovery (BylineWindow  *self,
                                GError       **error)
{
  g_autoptr(BylineDocument) document = NULL;
  g_autofree char *owned = NULL;
  g_autofree char *copy = NULL;
  const char *key;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  key = byline_window_get_recovery_key (self, &owned);

  if (key == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no document to restore"));
      return FALSE;
    }

  copy = byline_window_build_recovery_path (key, NATIVE_SUFFIX);
  document = byline_document_load_any (copy, error);

  if (document == NULL)
    {
      return FALSE;
    }

  byline_document_set_modified (document, TRUE);

  self->io->restoring = TRUE;
  byline_window_set_document (self, document, self->file);
  self->io->restoring = FALSE;

  g_free (self->io->owned_key);
  self->io->owned_key = g_strdup (key);

  return TRUE;
}

/* Offering to restore a copy */

static void
on_recovery_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         BylineWindow     *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (BYLINE_IS_WINDOW (self));

  _byline_window_destroy_message_dialog (self);

  if (g_str_equal (response, "restore"))
    {
      if (!byline_window_restore_recovery (self, &error))
        {
          byline_window_add_error_toast (self, error->message);
        }
    }
  else if (g_str_equal (response, "discard"))
    {
      byline_window_discard_recovery (self);
    }

  /* Escape keeps the copy for later: the user has not decided. */
}

static void
byline_window_offer_recovery (BylineWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io->dialog != NULL)
    {
      return;
    }

  name = _byline_window_dup_display_name (self);
  body = g_strdup_printf (_("Unsaved changes from a previous session were found for “%s”."), name);
  dialog = _byline_window_new_message_dialog (self, DIALOG_RECOVERY,
                                              _("Restore Unsaved Changes?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After a load: a copy that differs from what was just read means work
 * from a session that ended without saving. */
void
_byline_window_check_recovery (BylineWindow *self)
{
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *current = NULL;
  gsize length;
  gsize current_length;

  g_assert (BYLINE_IS_WINDOW (self));

  if (self->document == NULL || self->file == NULL)
    {
      return;
    }

  copy = byline_window_dup_recovery_path (self);

  if (copy == NULL || !g_file_get_contents (copy, &contents, &length, NULL))
    {
      return;
    }

  current = byline_native_to_string (self->document, &current_length);

  if (length == current_length && memcmp (contents, current, length) == 0)
    {
      _byline_window_delete_recovery (self);
      return;
    }

  byline_window_offer_recovery (self);
}
