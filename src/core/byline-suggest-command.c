/* byline-suggest-command.c: a user's own model, as a command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-suggest.h"

/**
 * byline_suggestions_run_command:
 * @command: the command line, split as a shell would (g_shell_parse_argv)
 * @document_json: the document as native JSON, written to the command's
 *   standard input
 * @timeout_ms: how long the command may run; 0 for no limit
 * @stderr_text: (out) (optional): what the command wrote to stderr
 *
 * Runs @command and adds what it prints on stdout (native annotation
 * objects, or spaCy-style "spans"/"ents") to @self, with origin
 * "command:PROGRAM" unless the objects give their own.
 *
 * Returns: %TRUE on success
 */
gboolean
byline_suggestions_run_command (BylineSuggestions *self,
                                const char        *command,
                                const char        *document_json,
                                gsize              len,
                                guint              timeout_ms,
                                GCancellable      *cancellable,
                                char             **stderr_text,
                                GError           **error)
{
  /* Being written: see the issue on reviewing suggestions. */
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
               _("Running a suggestion command is not available in this build"));
  return FALSE;
}
