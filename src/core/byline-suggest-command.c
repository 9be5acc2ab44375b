/* byline-suggest-command.c: a user's own model, as a command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command gets the document as native JSON on its standard input and
 * prints its suggestions on standard output: native annotation objects
 * ({"annotations": [...], "relations": [...]}), spaCy-style spans
 * ({"spans": [...]}, {"ents": [...]}, or Doc.to_json()'s span groups
 * {"spans": {"sc": [...]}}), a bare list of annotation objects, or any
 * number of such values one after the other (JSON Lines). Everything is
 * checked before anything is added: offsets against the text's length in
 * code points, each "text" against its slice, confidences in [0, 1],
 * relation ends against the ids. One bad object fails the whole run, so
 * that a model that counts in bytes or UTF-16 units is caught at once
 * rather than leaving a few shifted suggestions behind.
 *
 * The command runs in its own process group: a timeout or a cancellation
 * kills it with whatever it started (a shell script's children).
 *
 * This file runs the command; byline-suggest-output.c reads what it
 * printed.
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#ifdef G_OS_UNIX
#include <sys/types.h>
#include <unistd.h>
#endif
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "byline-error.h"
#include "byline-schema.h"
#include "byline-suggest-command-private.h"
#include "byline-suggest.h"

/* What a failed command's message quotes of its stderr. */
#define STDERR_TAIL_LINES 10
#define STDERR_TAIL_CHARS 2000

/* ---- Running the command ------------------------------------------------ */

typedef struct
{
  GSubprocess         *process;
  GPid                 pid;
  GCancellable        *io_cancellable;  /* stops the pipes once done or killed */
  GMemoryOutputStream *out;
  GMemoryOutputStream *err;
  guint                pending;         /* asynchronous operations under way */
  gboolean             exited;
  gboolean             out_done;
  gboolean             err_done;
  gboolean             timed_out;
  gboolean             cancelled;
  gboolean             killed;
  GError              *io_error;
} Run;

static void
run_io_error (Run    *run,
              GError *error)
{
  /* Cancelled pipes are ours; a broken stdin is a command that did not
   * read all of the document, which its exit status will tell. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
      run->io_error != NULL)
    g_error_free (error);
  else
    run->io_error = error;
}

static void
on_stdin_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Run *run = user_data;
  GError *error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    run_io_error (run, error);
  run->pending--;
}

static void
on_output_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;
  GError *error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    run_io_error (run, error);
  if (source == G_OBJECT (run->out))
    run->out_done = TRUE;
  else
    run->err_done = TRUE;
  run->pending--;
}

static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;
  GError *error = NULL;

  if (!g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error))
    run_io_error (run, error);
  run->exited = TRUE;
  run->pending--;
}

static gboolean
on_timeout (gpointer user_data)
{
  ((Run *) user_data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs in the thread that cancelled (the window's, or the CLI's main
 * thread on Ctrl+C): it only wakes the loop in run_process (), which then
 * finds the cancellable cancelled.
 *
 * Not a g_cancellable_source_new (): in GLib before 2.81.1, a
 * GCancellableSource disposed while another thread is still inside
 * g_cancellable_cancel () takes a reference on itself, meant to be
 * dropped by its ::cancelled handler, and disconnects that handler in the
 * same breath. The handler has then either run already (it is what woke
 * the loop) or never will, so the reference stays and the source, 120
 * bytes, leaks (fixed upstream by GLib commit 3a07b2ab, "Fixes: #2309,
 * #2313"). A plain handler holds no such reference, and
 * g_cancellable_disconnect () waits for a cancellation under way in
 * another thread to be done with it, so the context is not used after
 * it is gone. */
static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  g_main_context_wakeup (user_data);
}

static void
kill_process (Run *run)
{
#ifdef G_OS_UNIX
  /* The whole group: a script's own children too. The group outlives
   * its leader while they run, so its id is still theirs. */
  if (run->pid > 0)
    kill (-run->pid, SIGKILL);
#endif
  g_subprocess_force_exit (run->process);
  run->killed = TRUE;
}

#ifdef G_OS_UNIX
/* In the child, between fork and exec: only async-signal-safe calls. */
static void
child_setup (gpointer user_data)
{
  setpgid (0, 0);
  /* Byline ignores SIGPIPE (below); the command gets the default back. */
  signal (SIGPIPE, SIG_DFL);
#ifdef __linux__
  /* If Byline dies, so does the command. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
}

/* Writing the document to a command that has quit raises SIGPIPE, which
 * would end Byline. GSocket ignores it process-wide for the same reason;
 * do so here too when nobody chose otherwise. */
static void
ignore_sigpipe (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      struct sigaction action;

      if (sigaction (SIGPIPE, NULL, &action) == 0 && action.sa_handler == SIG_DFL)
        {
          action.sa_handler = SIG_IGN;
          sigemptyset (&action.sa_mask);
          action.sa_flags = 0;
          sigaction (SIGPIPE, &action, NULL);
        }
      g_once_init_leave (&done, 1);
    }
}
#endif

/* The last lines of @text, for an error message: what a failing program
 * says last is usually the reason. */
static char *
tail_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_strv_length (lines);

  for (guint i = n; i > 0 && kept->len < STDERR_TAIL_LINES; i--)
    {
      char *line = g_strchomp (lines[i - 1]);

      if (*line != '\0')
        g_ptr_array_insert (kept, 0, line);
    }
  for (guint i = 0; i < kept->len; i++)
    g_string_append_printf (out, "%s%s", i ? "\n" : "", (char *) kept->pdata[i]);
  if (out->len > STDERR_TAIL_CHARS)
    {
      const char *cut = g_utf8_find_next_char (out->str + out->len - STDERR_TAIL_CHARS, NULL);

      g_string_erase (out, 0, cut - out->str);
      g_string_prepend (out, "…");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Appends the end of the command's stderr to @error's message. */
static void
add_stderr (GError     *error,
            const char *stderr_str)
{
  g_autofree char *tail = tail_lines (stderr_str);
  char *message;

  if (*tail == '\0')
    return;
  message = g_strdup_printf ("%s:\n%s", error->message, tail);
  g_free (error->message);
  error->message = message;
}

/* Runs @argv with @input on its stdin; returns its stdout and stderr once
 * it exited. */
static gboolean
run_process (const char * const *argv,
             const char         *command,
             const char         *input,
             gsize               input_len,
             guint               timeout_ms,
             GCancellable       *cancellable,
             GBytes            **out_bytes,
             char              **err_text,
             GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GSource) timeout = NULL;
  gulong cancel_handler = 0;
  g_autoptr(GError) local_error = NULL;
  Run run = { 0 };
  const char *identifier;
  gboolean ok = FALSE;

  *err_text = NULL;
  *out_bytes = NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

#ifdef G_OS_UNIX
  ignore_sigpipe ();
#endif
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
#ifdef G_OS_UNIX
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
#endif
  run.process = g_subprocess_launcher_spawnv (launcher, argv, &local_error);
  if (run.process == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("Could not run “%s”: %s"),
                   command, local_error->message);
      return FALSE;
    }
  identifier = g_subprocess_get_identifier (run.process);
  if (identifier != NULL)
    run.pid = (GPid) atoi (identifier);
#ifdef G_OS_UNIX
  /* Also from this side, so that the group exists before a kill comes. */
  if (run.pid > 0)
    setpgid (run.pid, run.pid);
#endif

  run.io_cancellable = g_cancellable_new ();
  run.out = G_MEMORY_OUTPUT_STREAM (g_memory_output_stream_new_resizable ());
  run.err = G_MEMORY_OUTPUT_STREAM (g_memory_output_stream_new_resizable ());
  in = g_memory_input_stream_new_from_data (input, (gssize) input_len, NULL);

  /* Reading both pipes while writing the third: a command that prints a
   * lot before it has read everything cannot block. */
  g_main_context_push_thread_default (context);
  g_output_stream_splice_async (g_subprocess_get_stdin_pipe (run.process), in,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, run.io_cancellable, on_stdin_written, &run);
  g_output_stream_splice_async (G_OUTPUT_STREAM (run.out), g_subprocess_get_stdout_pipe (run.process),
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, run.io_cancellable, on_output_read, &run);
  g_output_stream_splice_async (G_OUTPUT_STREAM (run.err), g_subprocess_get_stderr_pipe (run.process),
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, run.io_cancellable, on_output_read, &run);
  /* Not cancellable: once killed, the process is waited for, so that it is
   * gone when this returns. */
  g_subprocess_wait_async (run.process, NULL, on_exited, &run);
  run.pending = 4;

  if (timeout_ms > 0)
    {
      timeout = g_timeout_source_new (timeout_ms);
      g_source_set_callback (timeout, on_timeout, &run, NULL);
      g_source_attach (timeout, context);
    }
  /* Already cancelled, this calls on_cancelled () at once (and returns 0);
   * the wakeup it leaves makes the first iteration return. */
  if (cancellable != NULL)
    cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), context, NULL);

  while (run.pending > 0)
    {
      g_main_context_iteration (context, TRUE);
      if (g_cancellable_is_cancelled (cancellable))
        run.cancelled = TRUE;
      if ((run.timed_out || run.cancelled) && !run.killed)
        {
          kill_process (&run);
          g_cancellable_cancel (run.io_cancellable);
        }
      else if (run.exited && run.out_done && run.err_done)
        {
          /* Only a stdin that nobody reads any more can be left. */
          g_cancellable_cancel (run.io_cancellable);
        }
    }
  /* Waits, if another thread is cancelling right now, until it is done
   * with on_cancelled (). */
  if (cancel_handler != 0)
    g_cancellable_disconnect (cancellable, cancel_handler);
  if (timeout != NULL)
    g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  {
    const char *data = g_memory_output_stream_get_data (run.err);
    gsize size = g_memory_output_stream_get_data_size (run.err);

    *err_text = g_utf8_make_valid (data != NULL ? data : "", (gssize) size);
  }

  if (run.cancelled)
    {
      /* The caller's cancellable says so, whatever happened meanwhile. */
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
    }
  else if (run.timed_out)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   _("“%s” did not finish within %g s and was stopped"), command, timeout_ms / 1000.0);
      add_stderr (*error, *err_text);
    }
  else if (run.io_error != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("“%s”: %s"), command, run.io_error->message);
    }
  else if (g_subprocess_get_if_signaled (run.process))
    {
      int sig = g_subprocess_get_term_sig (run.process);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("“%s” was killed by signal %d (%s)"),
                   command, sig, g_strsignal (sig));
      add_stderr (*error, *err_text);
    }
  else if (g_subprocess_get_exit_status (run.process) != 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("“%s” failed (exit status %d)"),
                   command, g_subprocess_get_exit_status (run.process));
      add_stderr (*error, *err_text);
    }
  else
    {
      *out_bytes = g_memory_output_stream_steal_as_bytes (run.out);
      ok = TRUE;
    }

  g_clear_error (&run.io_error);
  g_clear_object (&run.out);
  g_clear_object (&run.err);
  g_clear_object (&run.io_cancellable);
  g_clear_object (&run.process);
  return ok;
}

/* The program a command runs, for the origin of its suggestions: the
 * script rather than its interpreter ("python3 model.py" is model.py). */
static char *
program_name (char **argv)
{
  static const char * const interpreters[] = {
    "sh", "bash", "dash", "zsh", "ksh", "node", "perl", "ruby", "Rscript", NULL
  };
  g_autofree char *base = g_path_get_basename (argv[0]);

  if (g_str_has_prefix (base, "python") || g_strv_contains (interpreters, base))
    {
      for (guint i = 1; argv[i] != NULL; i++)
        {
          if (g_str_equal (argv[i], "-m") && argv[i + 1] != NULL)
            return g_strdup (argv[i + 1]);
          if (argv[i][0] == '-')
            continue;
          if (g_file_test (argv[i], G_FILE_TEST_IS_REGULAR))
            return g_path_get_basename (argv[i]);
          break;
        }
    }
  return g_steal_pointer (&base);
}

/* The command as messages show it: valid UTF-8, and not a whole inline
 * script. */
static char *
display_name (const char *command)
{
  g_autofree char *valid = g_utf8_make_valid (command, -1);
  GString *shown = g_string_new (g_strstrip (valid));
  const char *nl = strchr (shown->str, '\n');
  gboolean cut = FALSE;

  if (nl != NULL)
    {
      g_string_truncate (shown, nl - shown->str);
      cut = TRUE;
    }
  if (g_utf8_strlen (shown->str, -1) > 100)
    {
      g_string_truncate (shown, g_utf8_offset_to_pointer (shown->str, 99) - shown->str);
      cut = TRUE;
    }
  if (cut)
    g_string_append (shown, " …");
  return g_string_free (shown, FALSE);
}

/**
 * byline_suggestions_run_command:
 * @command: the command line, split as a shell would (g_shell_parse_argv)
 * @document_json: the document as native JSON, written to the command's
 *   standard input
 * @timeout_ms: how long the command may run; 0 for no limit
 * @stderr_text: (out) (optional): what the command wrote to stderr (valid
 *   UTF-8), also when it failed
 *
 * Runs @command and adds what it prints on stdout (native annotation
 * objects, or spaCy-style "spans"/"ents") to @self, with origin
 * "command:PROGRAM" unless the objects give their own. Blocks until the
 * command exits: call it from a worker thread in the window. Nothing is
 * added unless all of the output is valid. @cancellable may be cancelled
 * from any thread; before returning, this waits for a cancellation under
 * way to finish, so a ::cancelled handler must not wait for this call.
 *
 * Errors: %G_IO_ERROR_CANCELLED when @cancellable was cancelled,
 * %G_IO_ERROR_TIMED_OUT after @timeout_ms (in both cases the command and
 * its children are killed); %BYLINE_ERROR_FAILED when it could not run or
 * failed (the message ends with the last lines of its stderr);
 * %BYLINE_ERROR_PARSE for output that is not JSON; other %BYLINE_ERROR
 * codes for JSON that is wrong (offsets past the end, a "text" that is
 * not the slice...), naming the object.
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
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BylineDocument) doc = NULL;
  g_autoptr(BylineSchema) schema = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autofree char *err_text = NULL;
  g_autofree char *program = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) link_where = NULL;
  g_autoptr(GHashTable) ids = NULL;
  Reader r = { 0 };
  const char *data;
  gsize size;
  gboolean ran;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (command != NULL, FALSE);
  g_return_val_if_fail (document_json != NULL, FALSE);

  if (stderr_text != NULL)
    *stderr_text = NULL;
  shown = display_name (command);
  if (!g_shell_parse_argv (command, NULL, &argv, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("Cannot read the command “%s”: %s"),
                   shown, local_error->message);
      return FALSE;
    }
  doc = _byline_suggest_command_text_of (document_json, len, error);
  if (doc == NULL)
    return FALSE;

  ran = run_process ((const char * const *) argv, shown, document_json, len, timeout_ms,
                     cancellable, &out, &err_text, error);
  if (stderr_text != NULL)
    *stderr_text = g_strdup (err_text);
  if (!ran)
    return FALSE;

  program = program_name (argv);
  origin = g_strconcat ("command:", program, NULL);
  schema = byline_schema_get_default ();
  spans = g_ptr_array_new_with_free_func (_byline_suggest_command_span_free);
  links = g_ptr_array_new_with_free_func (_byline_suggest_command_link_free);
  link_where = g_ptr_array_new_with_free_func (g_free);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  r.command = shown;
  r.doc = doc;
  r.schema = schema;
  r.spans = spans;
  r.links = links;
  r.link_where = link_where;
  r.ids = ids;

  data = g_bytes_get_data (out, &size);
  if (!_byline_suggest_command_parse_output (&r, data != NULL ? data : "", size, origin, error))
    return FALSE;

  /* Relation ends: the command's own ids, or the document's. */
  for (guint i = 0; i < links->len; i++)
    {
      Link *link = links->pdata[i];
      const char *ends[] = { link->from, link->to };

      for (guint j = 0; j < 2; j++)
        {
          if (!g_hash_table_contains (ids, ends[j]) && byline_suggestions_lookup (self, ends[j]) == NULL)
            return fail (&r, error, BYLINE_ERROR_UNKNOWN_ID, link_where->pdata[i],
                         _("“%s” is “%s”, which is no annotation of the output or the document"),
                         j == 0 ? "from" : "to", ends[j]);
        }
    }
  _byline_suggest_command_add_all (&r, self, origin);
  return TRUE;
}
