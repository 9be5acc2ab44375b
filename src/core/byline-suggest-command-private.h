/* byline-suggest-command-private.h: what the suggestion command's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-suggest-command.c runs the command (byline_suggestions_run_command());
 * byline-suggest-output.c reads and checks what it printed and adds it.
 */
#pragma once

#include "byline-error.h"
#include "byline-schema.h"
#include "byline-suggest.h"

G_BEGIN_DECLS

typedef struct
{
  char *type;
  char *from;
  char *to;
  char *origin;
} Link;

typedef struct
{
  const char     *command;
  BylineDocument *doc;          /* the text, for lengths and slices */
  BylineSchema   *schema;
  GPtrArray      *spans;        /* Span */
  GPtrArray      *links;        /* Link */
  GHashTable     *ids;          /* the command's id -> Span */
  GPtrArray      *link_where;   /* where each link was, for messages */
} Reader;

static inline gboolean G_GNUC_PRINTF (5, 6)
fail (Reader      *r,
      GError     **error,
      int          code,
      const char  *where,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BYLINE_ERROR, code, "“%s”: %s: %s", r->command, where, message);
  return FALSE;
}

/* byline-suggest-output.c */
void
_byline_suggest_command_span_free (gpointer data);
void
_byline_suggest_command_link_free (gpointer data);
gboolean
_byline_suggest_command_parse_output (Reader      *r,
                                      const char  *data,
                                      gsize        len,
                                      const char  *origin,
                                      GError     **error);
BylineDocument *
_byline_suggest_command_text_of (const char  *document_json,
                                 gsize        len,
                                 GError     **error);
void
_byline_suggest_command_add_all (Reader            *r,
                                 BylineSuggestions *self,
                                 const char        *origin);

G_END_DECLS
