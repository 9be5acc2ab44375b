/* byline-import-dialog-private.h: what the Import dialog's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-import-dialog.h"

G_BEGIN_DECLS

/* The file's document, to open in the window once Open's question is
 * answered. */
typedef struct
{
  BylineWindow   *window;
  BylineDocument *document;
  /* The toast once it is shown */
  char           *message;
  char           *name;
  char           *warnings;
  guint           n_warnings;
} PendingOpen;

/* byline-import-open.c: the toast of the result, opening another article. */
char *_byline_import_dup_warnings_text (BylineProblems *warnings);
void  _byline_import_add_result_toast  (BylineWindow   *window,
                                        const char     *message,
                                        const char     *name,
                                        const char     *warnings,
                                        guint           n_warnings);
void  _byline_import_open_document     (PendingOpen    *pending);

G_END_DECLS
