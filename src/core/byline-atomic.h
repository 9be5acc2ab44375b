/* byline-atomic.h: files that appear whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BylineAtomicFile BylineAtomicFile;

BylineAtomicFile *byline_atomic_file_new    (const char        *path,
                                             GError           **error);
gboolean          byline_atomic_file_write  (BylineAtomicFile  *self,
                                             const char        *data,
                                             gsize              len,
                                             GError           **error);
gboolean          byline_atomic_file_commit (BylineAtomicFile  *self,
                                             gboolean           backup,
                                             GError           **error);
void              byline_atomic_file_free   (BylineAtomicFile  *self);

gboolean          byline_atomic_write       (const char        *path,
                                             const char        *data,
                                             gsize              len,
                                             gboolean           backup,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineAtomicFile, byline_atomic_file_free)

G_END_DECLS
