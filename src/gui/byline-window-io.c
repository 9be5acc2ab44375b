/* byline-window-io.c: saving, recovery copies and asking before unsaved
 * changes are lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save writes the document's .byline.json atomically; a document opened
 * from an article (.txt, .html, .json, .jsonl) is never overwritten with
 * JSON, so its first Save is a Save As that suggests NAME.byline.json.
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
#include "byline-gui-private.h"
#include "byline-native.h"
#include "byline-window-private.h"

#define NATIVE_SUFFIX          ".byline.json"
#define RECOVERY_INFO_SUFFIX   ".info.json"
#define RECOVERY_DIR_ENV       "BYLINE_RECOVERY_DIR"
#define DEFAULT_AUTOSAVE_SECS  5
#define MAX_RECENT_SETTING     10
#define MAX_RECENT_SHOWN       5

/* What to do once the user has answered "Save Changes?" and the changes
 * are saved or discarded. */
typedef enum
{
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_OPEN,
} PendingKind;

typedef enum
{
  DIALOG_NONE,
  DIALOG_CONFIRM,
  DIALOG_RECOVERY,
} DialogKind;

struct _BylineWindowIo
{
  /* The document whose signals are connected; it can differ from
   * self->document only inside byline_window_set_document (). */
  BylineDocument   *document;
  guint             autosave_id;
  /* "untitled-N", chosen the first time a document without a file needs a
   * recovery copy. */
  char             *untitled_key;
  /* The key of the copy this window wrote or restored, so that it is the
   * one removed even after Save As changed the file. */
  char             *owned_key;
  gboolean          recovery_error_shown;
  /* Set while a recovery copy replaces the document: no new offer. */
  gboolean          restoring;
  /* The user chose to close: close-request lets the window go. */
  gboolean          close_confirmed;

  AdwMessageDialog *dialog;
  DialogKind        dialog_kind;
  GtkNativeDialog  *save_dialog;

  PendingKind       pending;
  GFile            *pending_file;

  gulong            recent_changed_id;

  /* The recovery copy being made. The document is not thread-safe, so it
   * is written out to a string on the main thread, a few hundred
   * annotations per idle between frames (a whole copy of 50,000 is 80 ms
   * of work), and the string goes to disk in a worker. An edit in between
   * makes the copy stale: it is dropped and made again after the next
   * interval. */
  BylineNativeWriter *recovery_writer;
  GString            *recovery_data;
  char               *recovery_key;
  char               *recovery_info;
  guint               recovery_step_id;
  gboolean            recovery_stale;
  gboolean            recovery_writing;
  GCancellable       *recovery_cancellable;
  gint64              recovery_longest_step;
  gint64              recovery_main_thread;
};

#define RECOVERY_STEP_BUDGET 1000

static void byline_window_run_pending   (BylineWindow *self);
static void byline_window_arm_autosave  (BylineWindow *self);
static void byline_window_take_recovery_key (BylineWindow *self,
                                             const char   *key);
static void byline_window_clear_pending (BylineWindow *self);
static void byline_window_show_save_as  (BylineWindow *self);

/* Recovery copies */

static char *
byline_window_dup_recovery_dir (void)
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
      dir = byline_window_dup_recovery_dir ();

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
  g_autofree char *dir = byline_window_dup_recovery_dir ();
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
static void
byline_window_delete_recovery (BylineWindow *self)
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

  dir = byline_window_dup_recovery_dir ();

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
static void
byline_window_cancel_recovery (BylineWindow *self)
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
      byline_window_cancel_recovery (self);
      byline_window_arm_autosave (self);
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
  job->dir = byline_window_dup_recovery_dir ();
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

static guint
byline_window_get_autosave_interval (BylineWindow *self)
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
static void
byline_window_arm_autosave (BylineWindow *self)
{
  guint interval;

  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io->autosave_id != 0 || self->document == NULL)
    {
      return;
    }

  interval = byline_window_get_autosave_interval (self);

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
  byline_window_delete_recovery (self);
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

/* Message dialogs */

static void
byline_window_destroy_message_dialog (BylineWindow *self)
{
  AdwMessageDialog *dialog = g_steal_pointer (&self->io->dialog);

  self->io->dialog_kind = DIALOG_NONE;

  if (dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (dialog, self);

      /* A response button closes the dialog itself; the window going away
       * or a programmatic response do not. */
      if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
        {
          gtk_window_destroy (GTK_WINDOW (dialog));
        }

      g_object_unref (dialog);
    }
}

/**
 * byline_window_get_message_dialog:
 * @self: a #BylineWindow
 *
 * Returns: (transfer none) (nullable): the question the window is asking
 *   ("Save Changes?" or "Restore Unsaved Changes?"), if any
 */
AdwMessageDialog *
byline_window_get_message_dialog (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->io->dialog;
}

static char *
byline_window_dup_display_name (BylineWindow *self)
{
  const char *title = NULL;

  if (self->file != NULL)
    {
      return g_file_get_basename (self->file);
    }

  if (self->document != NULL)
    {
      title = byline_document_get_meta_string (self->document, BYLINE_META_TITLE);
    }

  return g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled Article"));
}

static gboolean
byline_window_file_is_native (GFile *file)
{
  g_autofree char *basename = NULL;

  if (file == NULL)
    {
      return FALSE;
    }

  basename = g_file_get_basename (file);

  return basename != NULL && g_str_has_suffix (basename, NATIVE_SUFFIX);
}

static AdwMessageDialog *
byline_window_new_message_dialog (BylineWindow *self,
                                  DialogKind    kind,
                                  const char   *heading,
                                  const char   *body)
{
  AdwMessageDialog *dialog;

  g_assert (self->io->dialog == NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  self->io->dialog = g_object_ref_sink (dialog);
  self->io->dialog_kind = kind;

  return dialog;
}

static void
on_recovery_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         BylineWindow     *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (BYLINE_IS_WINDOW (self));

  byline_window_destroy_message_dialog (self);

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

  name = byline_window_dup_display_name (self);
  body = g_strdup_printf (_("Unsaved changes from a previous session were found for “%s”."), name);
  dialog = byline_window_new_message_dialog (self, DIALOG_RECOVERY,
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
static void
byline_window_check_recovery (BylineWindow *self)
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
      byline_window_delete_recovery (self);
      return;
    }

  byline_window_offer_recovery (self);
}

/* Saving */

static void
byline_window_add_recent (BylineWindow *self,
                          GFile        *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *path = g_file_get_path (file);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_assert (BYLINE_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);

  if (self->settings == NULL || path == NULL)
    {
      return;
    }

  /* Newest first, each file once. */
  old = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);

  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_SETTING; i++)
    {
      if (!g_str_equal (old[i], path))
        {
          g_strv_builder_add (builder, old[i]);
          n++;
        }
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

/**
 * byline_window_save_to_file:
 * @self: a #BylineWindow
 * @file: a .byline.json file
 * @error: where to put the reason the document could not be saved
 *
 * Saves the document shown to @file atomically (keeping the previous
 * version as NAME.byline.json~), makes @file the document's file, and
 * removes the recovery copy. What Save and Save As do once they have a
 * file.
 *
 * Returns: %TRUE on success; on failure @file is untouched
 */
gboolean
byline_window_save_to_file (BylineWindow  *self,
                            GFile         *file,
                            GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no document to save"));
      return FALSE;
    }

  path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save to “%s”: only local files can be written"), name);
      return FALSE;
    }

  /* Saving the whole document is one pass over it and one write; even a
   * large one takes a fraction of a second, and doing it here means no
   * edit can slip in between the write and marking the document saved. */
  if (!byline_native_save (self->document, path, error))
    {
      return FALSE;
    }

  /* The copy of the old name (and of this one, if a previous session
   * left one) is stale now that the file holds the work. */
  g_clear_handle_id (&self->io->autosave_id, g_source_remove);
  byline_window_delete_recovery (self);
  byline_window_set_file (self, file);
  byline_window_delete_recovery (self);

  byline_window_add_recent (self, file);
  byline_window_update_title (self);

  return TRUE;
}

static void
byline_window_save_or_toast (BylineWindow *self,
                             GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (byline_window_save_to_file (self, file, &error))
    {
      byline_window_run_pending (self);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
      byline_window_add_error_toast (self, message);
      byline_window_clear_pending (self);
    }
}

/* NAME.txt (or .html, .json, .jsonl) -> NAME.byline.json */
static char *
byline_window_dup_suggested_name (BylineWindow *self)
{
  g_autofree char *basename = NULL;
  char *dot;

  if (self->file == NULL)
    {
      const char *title = NULL;

      if (self->document != NULL)
        {
          title = byline_document_get_meta_string (self->document, BYLINE_META_TITLE);
        }

      if (title == NULL || title[0] == '\0' || strchr (title, G_DIR_SEPARATOR) != NULL)
        {
          /* Translators: the file name Save As suggests for a document
           * without a title; keep the extension. */
          title = _("Untitled.byline.json");
          return g_strdup (title);
        }

      return g_strconcat (title, NATIVE_SUFFIX, NULL);
    }

  basename = g_file_get_basename (self->file);

  if (g_str_has_suffix (basename, NATIVE_SUFFIX))
    {
      return g_steal_pointer (&basename);
    }

  dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    {
      *dot = '\0';
    }

  return g_strconcat (basename, NATIVE_SUFFIX, NULL);
}

/* foo -> foo.byline.json, foo.json -> foo.byline.json */
static GFile *
byline_window_ensure_native_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  if (basename == NULL || g_str_has_suffix (basename, NATIVE_SUFFIX))
    {
      return g_object_ref (file);
    }

  if (g_str_has_suffix (basename, ".json"))
    {
      basename[strlen (basename) - strlen (".json")] = '\0';
    }

  name = g_strconcat (basename, NATIVE_SUFFIX, NULL);
  parent = g_file_get_parent (file);

  return g_file_get_child (parent, name);
}

static void
byline_window_close_save_dialog (BylineWindow *self)
{
  GtkNativeDialog *dialog = g_steal_pointer (&self->io->save_dialog);

  if (dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_native_dialog_destroy (dialog);
      g_object_unref (dialog);
    }
}

static void
on_save_dialog_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            BylineWindow    *self)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert (GTK_IS_NATIVE_DIALOG (dialog));
  g_assert (BYLINE_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
    }

  byline_window_close_save_dialog (self);

  if (chosen == NULL)
    {
      byline_window_clear_pending (self);
      return;
    }

  file = byline_window_ensure_native_suffix (chosen);
  byline_window_save_or_toast (self, file);
}

static void
byline_window_show_save_as (BylineWindow *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *native;

  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io->save_dialog != NULL)
    {
      gtk_native_dialog_show (self->io->save_dialog);
      return;
    }

  /* GtkFileDialog is GTK 4.10. */
  native = gtk_file_chooser_native_new (_("Save Annotations"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Byline Files"));
  gtk_file_filter_add_suffix (filter, "byline.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  /* Beside the article: the annotations travel with it. */
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        {
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
        }
    }

  suggested = byline_window_dup_suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);

  g_signal_connect (native, "response", G_CALLBACK (on_save_dialog_response_cb), self);
  self->io->save_dialog = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->io->save_dialog);
}

/* Save where the document came from when that is a Byline file; an
 * article is never overwritten with JSON, so it goes through Save As. */
static void
byline_window_save (BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  if (self->document == NULL)
    {
      byline_window_clear_pending (self);
      return;
    }

  if (byline_window_file_is_native (self->file))
    {
      byline_window_save_or_toast (self, self->file);
    }
  else
    {
      byline_window_show_save_as (self);
    }
}

void
byline_window_save_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  byline_window_save (BYLINE_WINDOW (widget));
}

void
byline_window_save_as_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->document != NULL)
    {
      byline_window_show_save_as (self);
    }
}

/* Asking before unsaved changes are lost */

static void
byline_window_clear_pending (BylineWindow *self)
{
  self->io->pending = PENDING_NONE;
  g_clear_object (&self->io->pending_file);
}

static void
on_open_load_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BylineWindow *self = BYLINE_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (byline_window_load_finish (self, result, &error))
    {
      byline_window_add_recent (self, file);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      byline_window_add_error_toast (self, error->message);
    }
}

static void
byline_window_load (BylineWindow *self,
                    GFile        *file)
{
  byline_window_load_async (self, file, NULL, on_open_load_cb, g_object_ref (file));
}

static void
byline_window_run_pending (BylineWindow *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->io->pending_file);
  PendingKind pending = self->io->pending;

  self->io->pending = PENDING_NONE;

  switch (pending)
    {
    case PENDING_CLOSE:
      self->io->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    case PENDING_OPEN:
      byline_window_load (self, file);
      break;

    case PENDING_NONE:
    default:
      break;
    }
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BylineWindow     *self)
{
  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (BYLINE_IS_WINDOW (self));

  byline_window_destroy_message_dialog (self);

  if (g_str_equal (response, "save"))
    {
      byline_window_save (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      byline_window_discard_recovery (self);
      byline_window_run_pending (self);
    }
  else
    {
      byline_window_clear_pending (self);
    }
}

static void
byline_window_confirm (BylineWindow *self,
                       PendingKind   pending,
                       GFile        *file)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_assert (BYLINE_IS_WINDOW (self));

  /* One question at a time: a second close or drop shows the first. */
  if (self->io->dialog != NULL && self->io->dialog_kind == DIALOG_CONFIRM)
    {
      gtk_window_present (GTK_WINDOW (self->io->dialog));
      return;
    }

  /* A newer question replaces the offer to restore a copy; the copy stays
   * on disk and is offered again the next time the file is opened. */
  byline_window_destroy_message_dialog (self);

  byline_window_clear_pending (self);
  self->io->pending = pending;
  g_set_object (&self->io->pending_file, file);

  name = byline_window_dup_display_name (self);
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                          name);
  dialog = byline_window_new_message_dialog (self, DIALOG_CONFIRM, _("Save Changes?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", byline_window_file_is_native (self->file) ? _("_Save") : _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
byline_window_has_unsaved_changes (BylineWindow *self)
{
  return self->document != NULL && byline_document_get_modified (self->document);
}

/**
 * byline_window_request_open:
 * @self: a #BylineWindow
 * @file: the file to open
 *
 * Opens @file in this window, asking first when the document shown has
 * unsaved changes. Open, drag and drop and the recent files come here.
 */
void
byline_window_request_open (BylineWindow *self,
                            GFile        *file)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (byline_window_has_unsaved_changes (self))
    {
      byline_window_confirm (self, PENDING_OPEN, file);
    }
  else
    {
      byline_window_load (self, file);
    }
}

static gboolean
on_close_request_cb (GtkWindow    *window,
                     BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io->close_confirmed)
    {
      return GDK_EVENT_PROPAGATE;
    }

  if (byline_window_has_unsaved_changes (self))
    {
      byline_window_confirm (self, PENDING_CLOSE, NULL);
      return GDK_EVENT_STOP;
    }

  /* A clean close: whatever copy this window wrote is stale. */
  if (self->io->owned_key != NULL)
    {
      byline_window_delete_recovery (self);
    }

  return GDK_EVENT_PROPAGATE;
}

/* Drag and drop */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            BylineWindow  *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GtkApplication *application;

  g_assert (BYLINE_IS_WINDOW (self));

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) && g_value_get_boxed (value) != NULL)
    {
      g_autoptr(GSList) list = gdk_file_list_get_files (g_value_get_boxed (value));

      for (const GSList *l = list; l != NULL; l = l->next)
        {
          g_ptr_array_add (files, g_object_ref (l->data));
        }
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    {
      g_ptr_array_add (files, g_value_dup_object (value));
    }

  if (files->len == 0)
    {
      return FALSE;
    }

  byline_window_request_open (self, g_ptr_array_index (files, 0));

  /* The others each get a window, as on the command line. */
  application = gtk_window_get_application (GTK_WINDOW (self));

  if (files->len > 1 && application != NULL)
    {
      g_application_open (G_APPLICATION (application),
                          (GFile **) files->pdata + 1, files->len - 1, "");
    }

  return TRUE;
}

/* Recent files */

static GtkWidget *
byline_window_create_recent_row (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
  g_autofree char *label = NULL;
  GtkWidget *row;

  row = adw_action_row_new ();
  /* File names are not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder != NULL ? folder : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (path));
  byline_gui_set_tooltip_text (row, path);

  /* Translators: the accessible name of a recent file on the start page. */
  label = g_strdup_printf (_("Open %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, folder != NULL ? folder : "",
                                  -1);

  return row;
}

/* Files with a recovery copy left by a session that did not end cleanly
 * (a crash, a power cut): the start page offers them first, and opening
 * one offers to restore its unsaved changes. */
static GPtrArray *
byline_window_list_recoveries (void)
{
  g_autofree char *dir = byline_window_dup_recovery_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *info = NULL;
      g_autoptr(JsonParser) parser = NULL;
      JsonNode *root;
      const char *path;

      if (!g_str_has_suffix (name, ".info.json"))
        continue;
      info = g_build_filename (dir, name, NULL);
      parser = json_parser_new ();
      if (!json_parser_load_from_file (parser, info, NULL) ||
          (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        continue;
      path = json_object_get_string_member_with_default (json_node_get_object (root), "path", NULL);
      if (path != NULL && g_path_is_absolute (path) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_strdup (path));
    }
  return paths;
}

static void
byline_window_update_recent (BylineWindow *self)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GPtrArray) recoveries = byline_window_list_recoveries ();
  GtkWidget *child;
  guint shown = 0;

  g_assert (BYLINE_IS_WINDOW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    {
      gtk_list_box_remove (self->recent_list, child);
    }

  for (guint i = 0; i < recoveries->len; i++)
    {
      GtkWidget *row = byline_window_create_recent_row (recoveries->pdata[i]);
      g_autofree char *name = g_path_get_basename (recoveries->pdata[i]);
      g_autofree char *label = NULL;

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Unsaved changes from a previous session"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-revert-symbolic"));
      /* Translators: the accessible name of a file with unsaved changes
       * left by a crash, on the start page. */
      label = g_strdup_printf (_("Recover unsaved changes to %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  if (self->settings != NULL)
    {
      recent = g_settings_get_strv (self->settings, "recent-files");

      for (guint i = 0; recent[i] != NULL && shown < MAX_RECENT_SHOWN; i++)
        {
          /* A file moved or deleted since is left out, not offered. */
          if (g_path_is_absolute (recent[i]) &&
              g_file_test (recent[i], G_FILE_TEST_IS_REGULAR) &&
              !g_ptr_array_find_with_equal_func (recoveries, recent[i], g_str_equal, NULL))
            {
              gtk_list_box_append (self->recent_list, byline_window_create_recent_row (recent[i]));
              shown++;
            }
        }
    }

  gtk_widget_set_visible (self->recent_box, shown > 0);
}

void
byline_window_open_recent_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GFile) file = NULL;

  file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  byline_window_request_open (self, file);
}

/* The document */

static void
on_document_edited_cb (BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io->recovery_writer != NULL)
    {
      self->io->recovery_stale = TRUE;
    }

  if (byline_window_has_unsaved_changes (self))
    {
      byline_window_arm_autosave (self);
    }
}

static void
on_document_notify_modified_cb (BylineDocument *document,
                                GParamSpec     *pspec,
                                BylineWindow   *self)
{
  g_assert (BYLINE_IS_DOCUMENT (document));
  g_assert (BYLINE_IS_WINDOW (self));

  byline_window_update_title (self);

  if (byline_document_get_modified (document))
    {
      byline_window_arm_autosave (self);
    }
  else
    {
      /* Saved, or undone back to the saved state: nothing to recover. */
      g_clear_handle_id (&self->io->autosave_id, g_source_remove);

      if (self->io->owned_key != NULL)
        {
          byline_window_delete_recovery (self);
        }
    }
}

static void
byline_window_disconnect_document (BylineWindow *self)
{
  BylineDocument *document = g_steal_pointer (&self->io->document);

  if (document != NULL)
    {
      g_signal_handlers_disconnect_by_data (document, self);
      g_object_unref (document);
    }
}

/**
 * byline_window_io_update_actions:
 * @self: a #BylineWindow
 *
 * Enables Save and Save As when there is a document.
 */
void
byline_window_io_update_actions (BylineWindow *self)
{
  gboolean has_document;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  has_document = self->document != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_document);
}

/* Called by byline_window_set_document () whenever another document is
 * shown: loaded, restored, or gone. */
void
byline_window_io_document_changed (BylineWindow *self)
{
  static const char *edits[] = {
    "annotation-added", "annotation-removed", "annotation-changed",
    "relation-added", "relation-removed", "relation-changed",
    "meta-changed", "attribute-changed",
  };

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  byline_window_io_update_actions (self);

  if (self->io->document == self->document)
    {
      return;
    }

  /* The copy of the previous document stays if it still had unsaved
   * changes (only a load without asking gets here that way), and so does
   * the untitled key's claim on it. */
  byline_window_disconnect_document (self);
  g_clear_handle_id (&self->io->autosave_id, g_source_remove);
  byline_window_cancel_recovery (self);
  if (self->io->recovery_cancellable != NULL)
    g_cancellable_cancel (self->io->recovery_cancellable);
  if (!self->io->restoring)
    {
      g_clear_pointer (&self->io->owned_key, g_free);
      g_clear_pointer (&self->io->untitled_key, g_free);
    }
  self->io->recovery_error_shown = FALSE;

  if (self->io->dialog_kind == DIALOG_RECOVERY)
    {
      byline_window_destroy_message_dialog (self);
    }

  if (self->document == NULL)
    {
      return;
    }

  self->io->document = g_object_ref (self->document);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_signal_connect_swapped (self->document, edits[i], G_CALLBACK (on_document_edited_cb), self);
    }

  g_signal_connect (self->document, "notify::modified",
                    G_CALLBACK (on_document_notify_modified_cb), self);

  if (!self->io->restoring)
    {
      byline_window_check_recovery (self);
    }
}

/* GtkFileChooserNative holds a reference on its transient parent, so it
 * goes when the window is destroyed, not when it is finalized. */
static void
on_unrealize_cb (BylineWindow *self)
{
  byline_window_close_save_dialog (self);
}

void
byline_window_io_init (BylineWindow *self)
{
  GType drop_types[2];
  GtkDropTarget *drop_target;

  g_assert (BYLINE_IS_WINDOW (self));
  g_assert (self->io == NULL);

  self->io = g_new0 (BylineWindowIo, 1);

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), self);
  g_signal_connect (self, "unrealize", G_CALLBACK (on_unrealize_cb), NULL);

  /* File managers offer a list; some sources offer a single file. */
  drop_types[0] = GDK_TYPE_FILE_LIST;
  drop_types[1] = G_TYPE_FILE;
  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  if (self->settings != NULL)
    {
      self->io->recent_changed_id =
        g_signal_connect_swapped (self->settings, "changed::recent-files",
                                  G_CALLBACK (byline_window_update_recent), self);
    }

  byline_window_update_recent (self);
  byline_window_io_update_actions (self);
}

void
byline_window_io_dispose (BylineWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io == NULL)
    {
      return;
    }

  g_clear_handle_id (&self->io->autosave_id, g_source_remove);
  byline_window_cancel_recovery (self);
  if (self->io->recovery_cancellable != NULL)
    g_cancellable_cancel (self->io->recovery_cancellable);
  g_clear_object (&self->io->recovery_cancellable);

  /* Going away with unsaved changes the user did not discard (the
   * session ended, or the window was destroyed without asking): keep them
   * where the next start finds them. */
  if (!self->io->close_confirmed && byline_window_has_unsaved_changes (self) &&
      byline_window_get_autosave_interval (self) > 0 &&
      !byline_window_write_recovery (self, &error))
    {
      g_debug ("Recovery copy not written: %s", error->message);
    }

  byline_window_disconnect_document (self);
  byline_window_destroy_message_dialog (self);
  byline_window_close_save_dialog (self);
  byline_window_clear_pending (self);

  if (self->io->recent_changed_id != 0 && self->settings != NULL)
    {
      g_clear_signal_handler (&self->io->recent_changed_id, self->settings);
    }

  g_free (self->io->untitled_key);
  g_free (self->io->owned_key);
  g_clear_pointer (&self->io, g_free);
}
