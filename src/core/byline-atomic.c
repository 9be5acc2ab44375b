/* byline-atomic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No data loss, ever: output goes to a temporary file beside the target,
 * is flushed to disk, and only then renamed over the target, so a crash or
 * an error leaves either the old file or the new one, never half of one.
 * Streaming writers (a corpus of thousands of documents) write through the
 * same temporary file, so they too never leave a partial output behind.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-atomic.h"
#include "byline-error.h"

#define BUFFER_SIZE (256 * 1024)

struct _BylineAtomicFile
{
  char  *path;
  char  *tmp_path;
  int    fd;
  char  *buffer;
  gsize  buffered;
  gboolean failed;
};

static gboolean
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *path,
                 const char *what)
{
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s: %s",
               path, what, g_strerror (saved_errno));
  return FALSE;
}

/**
 * byline_atomic_file_new:
 * @path: the file to (re)place
 *
 * Returns: (transfer full) (nullable): a writer whose output appears at
 *   @path only on byline_atomic_file_commit()
 */
BylineAtomicFile *
byline_atomic_file_new (const char  *path,
                        GError     **error)
{
  BylineAtomicFile *self;
  g_autofree char *tmp = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("%s: is a directory"), path);
      return NULL;
    }
  tmp = g_strdup_printf ("%s.tmp-XXXXXX", path);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_errno_error (error, errno, path, _("cannot create a temporary file beside it"));
      return NULL;
    }

  self = g_new0 (BylineAtomicFile, 1);
  self->path = g_strdup (path);
  self->tmp_path = g_steal_pointer (&tmp);
  self->fd = fd;
  self->buffer = g_malloc (BUFFER_SIZE);
  return self;
}

static gboolean
write_all (BylineAtomicFile  *self,
           const char        *data,
           gsize              len,
           GError           **error)
{
  while (len > 0)
    {
      gssize n = write (self->fd, data, len);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          self->failed = TRUE;
          return set_errno_error (error, errno, self->path, _("cannot write"));
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
flush_buffer (BylineAtomicFile  *self,
              GError           **error)
{
  gsize n = self->buffered;

  self->buffered = 0;
  return write_all (self, self->buffer, n, error);
}

gboolean
byline_atomic_file_write (BylineAtomicFile  *self,
                          const char        *data,
                          gsize              len,
                          GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (self->failed)
    return set_errno_error (error, EIO, self->path, _("cannot write"));
  if (self->buffered + len <= BUFFER_SIZE)
    {
      memcpy (self->buffer + self->buffered, data, len);
      self->buffered += len;
      return TRUE;
    }
  if (!flush_buffer (self, error))
    return FALSE;
  if (len >= BUFFER_SIZE)
    return write_all (self, data, len, error);
  memcpy (self->buffer, data, len);
  self->buffered = len;
  return TRUE;
}

/* Keeps the permissions of the file being replaced. */
static void
copy_mode (BylineAtomicFile *self)
{
  GStatBuf st;

  if (g_stat (self->path, &st) == 0)
    fchmod (self->fd, st.st_mode & 07777);
}

static gboolean
make_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_unlink (backup);
  if (link (path, backup) == 0)
    return TRUE;
  /* No hard links on this file system: copy. */
  if (!g_file_get_contents (path, &data, &len, error) ||
      !g_file_set_contents (backup, data, (gssize) len, error))
    {
      g_prefix_error (error, _("%s: cannot make the backup %s: "), path, backup);
      return FALSE;
    }
  return TRUE;
}

/**
 * byline_atomic_file_commit:
 * @backup: keep the old file as PATH~
 *
 * Flushes everything to disk and moves it into place.
 *
 * Returns: %TRUE when the new file is in place; on failure the old one is
 *   untouched and the temporary file removed
 */
gboolean
byline_atomic_file_commit (BylineAtomicFile  *self,
                           gboolean           backup,
                           GError           **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (self->failed)
    return set_errno_error (error, EIO, self->path, _("cannot write"));
  if (!flush_buffer (self, error))
    return FALSE;
  copy_mode (self);
  if (fsync (self->fd) != 0 && errno != EINVAL)
    return set_errno_error (error, errno, self->path, _("cannot flush to disk"));
  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0)
    return set_errno_error (error, errno, self->path, _("cannot close"));
  if (backup && !make_backup (self->path, error))
    return FALSE;
  if (g_rename (self->tmp_path, self->path) != 0)
    return set_errno_error (error, errno, self->path, _("cannot move the new file into place"));
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

/**
 * byline_atomic_file_free:
 *
 * Frees @self; when it was not committed, the temporary file is removed
 * and nothing at the target path changes.
 */
void
byline_atomic_file_free (BylineAtomicFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self->buffer);
  g_free (self);
}

/**
 * byline_atomic_write:
 * @backup: keep the previous file as PATH~
 *
 * Writes @data to @path atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
byline_atomic_write (const char  *path,
                     const char  *data,
                     gsize        len,
                     gboolean     backup,
                     GError     **error)
{
  g_autoptr(BylineAtomicFile) file = byline_atomic_file_new (path, error);

  if (file == NULL)
    return FALSE;
  return byline_atomic_file_write (file, data, len, error) &&
         byline_atomic_file_commit (file, backup, error);
}
