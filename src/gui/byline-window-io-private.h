/* byline-window-io-private.h: what the parts of the window's input and
 * output share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-native.h"
#include "byline-window-private.h"

G_BEGIN_DECLS

#define NATIVE_SUFFIX          ".byline.json"

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

/* byline-window-io.c: the message dialogs, the recent files. */
void              _byline_window_destroy_message_dialog (BylineWindow *self);
AdwMessageDialog *_byline_window_new_message_dialog     (BylineWindow *self,
                                                         DialogKind    kind,
                                                         const char   *heading,
                                                         const char   *body);
char             *_byline_window_dup_display_name       (BylineWindow *self);
void              _byline_window_add_recent             (BylineWindow *self,
                                                         GFile        *file);

/* byline-window-save.c: saving, asking before unsaved changes are lost. */
gboolean          _byline_window_has_unsaved_changes    (BylineWindow *self);
void              _byline_window_clear_pending          (BylineWindow *self);
void              _byline_window_close_save_dialog      (BylineWindow *self);
gboolean          _byline_window_close_request_cb       (GtkWindow    *window,
                                                         BylineWindow *self);

/* byline-window-recovery.c: recovery copies. */
char             *_byline_window_dup_recovery_dir       (void);
void              _byline_window_delete_recovery        (BylineWindow *self);
void              _byline_window_cancel_recovery        (BylineWindow *self);
void              _byline_window_arm_autosave           (BylineWindow *self);
guint             _byline_window_get_autosave_interval  (BylineWindow *self);
void              _byline_window_check_recovery         (BylineWindow *self);

G_END_DECLS
