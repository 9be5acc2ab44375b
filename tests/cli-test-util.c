/* cli-test-util.c: what the tests that drive byline-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture (a fresh temporary directory, removed afterwards), running
 * the built binary ($BYLINE_CLI) and reading what it leaves behind. The
 * tests' assertions are non-fatal (cli_test_init () says so): a helper
 * that finds something wrong fails the test and returns something safe
 * (an empty string, an empty object, -1 or NULL) so that the caller can
 * go on checking.
 */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"

/* Sets up a test program of byline-cli: non-fatal assertions, and
 * $BYLINE_CLI must be set. */
void
cli_test_init (int    *argc,
               char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  g_test_set_nonfatal_assertions ();

  if (g_getenv ("BYLINE_CLI") == NULL)
    g_error ("set BYLINE_CLI to the byline-cli to test (meson test does)");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* The directory is named after the test program ("byline-test-cli-…"). */
void
cli_test_fixture_setup (CliTestFixture *f,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname () ? g_get_prgname () : "cli");
  g_autofree char *template = g_strdup_printf ("byline-%s-XXXXXX", program);

  f->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_assert (f->dir != NULL);
}

/* Removes the directory and all in it; it must be gone. */
void
cli_test_fixture_teardown (CliTestFixture *f,
                           gconstpointer   data)
{
  remove_tree (f->dir);
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&f->dir, g_free);
}

char *
cli_test_path_in (CliTestFixture *f,
                  const char     *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* A file of tests/data/cli. */
char *
cli_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cli", name, NULL);
}

/* The number of line ends in @text. */
guint
cli_test_count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        n++;
    }
  return n;
}

/* The sample article, data/samples/blinken-china-nbc.txt. */
char *
cli_test_sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "blinken-china-nbc.txt", NULL);
}

/* Starts byline-cli with the NULL-terminated @args in @dir, stdout and
 * stderr piped; NULL (and a failed test) when it could not start. */
GSubprocess *
cli_test_spawn (const char         *dir,
                const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("BYLINE_CLI");
  GSubprocess *proc;

  g_assert_nonnull (cli);
  if (cli == NULL)
    return NULL;

  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return proc;
}

/* Runs byline-cli with the NULL-terminated arguments in the fixture's
 * directory and returns its exit status; -1 when it could not run or did
 * not exit normally (a crash), which no test accepts. @out and @err get
 * its stdout and stderr, "" when there is none. */
int
cli_test_run (CliTestFixture  *f,
              char           **out,
              char           **err,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_buf = NULL;
  g_autofree char *stderr_buf = NULL;
  g_autofree char *command = NULL;
  const char *arg;
  va_list ap;

  *out = g_strdup ("");
  *err = g_strdup ("");

  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  proc = cli_test_spawn (f->dir, (const char * const *) args->pdata);
  if (proc == NULL)
    return -1;
  /* The output must be UTF-8 even when the input was not. */
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &stdout_buf, &stderr_buf, &error);
  g_assert_no_error (error);
  g_free (*out);
  g_free (*err);
  *out = g_strdup (stdout_buf ? stdout_buf : "");
  *err = g_strdup (stderr_buf ? stderr_buf : "");
  command = g_strjoinv (" ", (char **) args->pdata);
  g_test_message ("byline-cli %s\n stdout: %s\n stderr: %s", command, *out, *err);
  /* How it ended can be asked once it is gone: always without an error,
   * and after output that was not UTF-8 too. */
  if (g_subprocess_get_identifier (proc) == NULL)
    g_assert_true (g_subprocess_get_if_exited (proc));
  if (error != NULL || g_subprocess_get_identifier (proc) != NULL ||
      !g_subprocess_get_if_exited (proc))
    return -1;
  return g_subprocess_get_exit_status (proc);
}

/* The contents of @path; "" (and a failed test) when it cannot be read. */
char *
cli_test_read_file (const char *path,
                    gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  if (!g_file_get_contents (path, &data, len, &error))
    {
      g_test_message ("%s", error->message);
      g_test_fail ();
      *len = 0;
      return g_strdup ("");
    }
  return data;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces: so that a test can say
 * exactly which files must be there and no others (a stray temporary
 * file is a bug). */
char *
cli_test_listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The fixture's directory holds exactly @expected ("" for nothing). */
void
cli_test_assert_listing (CliTestFixture *f,
                         const char     *expected)
{
  g_autofree char *names = cli_test_listing (f->dir);

  g_assert_cmpstr (names, ==, expected);
}

/* Parses @data as one JSON object; NULL (and a failed test) otherwise. */
JsonNode *
cli_test_parse_json (const char *data,
                     gssize      len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, len, &error);
  g_assert_no_error (error);
  if (error != NULL)
    return NULL;
  /* An empty output parses without error, to nothing. */
  g_assert_nonnull (json_parser_get_root (parser));
  if (json_parser_get_root (parser) == NULL)
    return NULL;
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

/* The file @path as one JSON object; NULL (and a failed test) otherwise. */
JsonNode *
cli_test_load_json (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  data = cli_test_read_file (path, &len);
  return cli_test_parse_json (data, (gssize) len);
}

/* The object member @name of @obj; an empty object (and a failed test)
 * when there is none, or no @obj, so that the caller can go on checking. */
JsonObject *
cli_test_member_object (JsonObject *obj,
                        const char *name)
{
  static JsonObject *empty = NULL;
  JsonNode *member = obj ? json_object_get_member (obj, name) : NULL;

  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    {
      g_test_message ("member “%s” is missing or not an object", name);
      g_test_fail ();
      if (empty == NULL)
        empty = json_object_new ();
      return empty;
    }
  return json_node_get_object (member);
}

/* The whole-number member @name; -1 (and a failed test) when there is
 * none. */
gint64
cli_test_member_int (JsonObject *obj,
                     const char *name)
{
  JsonNode *member = json_object_get_member (obj, name);

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64)
    {
      g_test_message ("member “%s” is missing or not a whole number", name);
      g_test_fail ();
      return -1;
    }
  return json_node_get_int (member);
}

/* The string member @name; "" (and a failed test) when there is none. */
const char *
cli_test_member_string (JsonObject *obj,
                        const char *name)
{
  JsonNode *member = json_object_get_member (obj, name);

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    {
      g_test_message ("member “%s” is missing or not a string", name);
      g_test_fail ();
      return "";
    }
  return json_node_get_string (member);
}
