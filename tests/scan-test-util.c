/* scan-test-util.c: holding the scanner and the tree reader to the same
 * results, for the native scanner's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "byline-json-writer.h"
#include "byline-native.h"
#include "byline-native-scan.h"

#include "scan-test-util.h"

static guint n_checked;
static guint n_scanned;  /* of those, read by the scanner itself */

static void
append_member_order (GString    *out,
                     const char *what,
                     JsonObject *object)
{
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return;
  members = json_object_get_members (object);
  g_string_append_printf (out, "%s:", what);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (out, " %s", (const char *) l->data);
  g_string_append_c (out, '\n');
}

/* What a user or a later step can see of a loaded document. */
static char *
describe_document (BylineDocument *doc)
{
  GString *out = g_string_new (NULL);
  g_autofree char *saved = byline_native_to_string (doc, NULL);

  g_string_append (out, saved);
  g_string_append_printf (out, "modified %d undo %d\n", byline_document_get_modified (doc),
                          byline_document_can_undo (doc));
  append_member_order (out, "meta", byline_document_get_meta (doc));
  append_member_order (out, "attributes", byline_document_get_attributes (doc));
  append_member_order (out, "extra", byline_document_get_extra (doc));
  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, i);

      g_string_append_printf (out, "annotation %s\n", byline_annotation_get_id (a));
      append_member_order (out, "  extra", byline_annotation_get_extra (a));
    }
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    {
      BylineRelation *r = byline_document_get_relation (doc, i);

      g_string_append_printf (out, "relation %s\n", byline_relation_get_id (r));
      append_member_order (out, "  attributes", byline_relation_get_attributes (r));
      append_member_order (out, "  extra", byline_relation_get_extra (r));
    }
  return g_string_free (out, FALSE);
}

static char *
describe_problems (BylineProblems *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < byline_problems_get_n (problems); i++)
    {
      const BylineProblem *p = byline_problems_get (problems, i);

      g_string_append_printf (out, "%d %d [%s] %s\n", p->severity, p->code,
                              p->location ? p->location : "", p->message);
    }
  return g_string_free (out, FALSE);
}

static void G_GNUC_NORETURN
fail (const char *what,
      const char *data,
      gsize       len,
      const char *detail,
      const char *fast,
      const char *tree)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  byline_json_append_escaped (shown, data, MIN (len, 1500));
  g_error ("%s: the readers differ in %s\nfast:\n%s\ntree:\n%s\ninput (%" G_GSIZE_FORMAT " bytes): %s",
           what, detail, fast, tree, len, shown->str);
}

/* Both readers on @data; returns whether the scanner read it itself. */
gboolean
scan_test_check_same_with (const char   *data,
                           gsize         len,
                           BylineSchema *schema,
                           const char   *what)
{
  /* An exact-size copy: no NUL after the end, as in a mapped file, so that
   * ASan sees any read past it. */
  g_autofree char *copy = g_memdup2 (data, MAX (len, 1));
  g_autoptr(BylineProblems) fast_problems = byline_problems_new ();
  g_autoptr(BylineProblems) tree_problems = byline_problems_new ();
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(BylineDocument) fast = NULL;
  g_autoptr(BylineDocument) tree = NULL;
  g_autoptr(BylineDocument) scanned = NULL;
  g_autofree char *fp = NULL;
  g_autofree char *tp = NULL;

  fast = byline_native_load_data (copy, len, "t.byline.json", schema, fast_problems, &fast_error);
  tree = _byline_native_load_tree (copy, len, "t.byline.json", schema, tree_problems, &tree_error);
  scanned = _byline_native_scan (copy, len, schema, NULL);
  n_checked++;
  if (scanned != NULL)
    n_scanned++;

  if ((fast == NULL) != (tree == NULL))
    fail (what, data, len, "success", fast_error ? fast_error->message : "loaded",
          tree_error ? tree_error->message : "loaded");
  if (fast == NULL)
    {
      if (scanned != NULL)
        fail (what, data, len, "the scanner's verdict", "loaded", tree_error->message);
      if (fast_error->code != tree_error->code || g_strcmp0 (fast_error->message, tree_error->message) != 0)
        fail (what, data, len, "the error", fast_error->message, tree_error->message);
    }
  else
    {
      g_autofree char *fd = describe_document (fast);
      g_autofree char *td = describe_document (tree);

      if (strcmp (fd, td) != 0)
        fail (what, data, len, "the document", fd, td);
      if (scanned != NULL)
        {
          g_autofree char *sd = describe_document (scanned);

          if (strcmp (sd, td) != 0)
            fail (what, data, len, "the scanned document", sd, td);
        }
    }
  fp = describe_problems (fast_problems);
  tp = describe_problems (tree_problems);
  if (strcmp (fp, tp) != 0)
    fail (what, data, len, "the problems", fp, tp);
  return scanned != NULL;
}

gboolean
scan_test_check_same (const char *data,
                      gsize       len,
                      const char *what)
{
  return scan_test_check_same_with (data, len, NULL, what);
}

gboolean
scan_test_check_same_str (const char *data,
                          const char *what)
{
  return scan_test_check_same (data, strlen (data), what);
}

char *
scan_test_nested (guint       depth,
                  const char *open,
                  const char *close,
                  const char *inner)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (out, open);
  g_string_append (out, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (out, close);
  return g_string_free (out, FALSE);
}

/* How many inputs the tests checked, and how many of those the scanner
 * read itself, as a test message. */
void
scan_test_report (void)
{
  g_test_message ("%u inputs checked, %u read by the scanner", n_checked, n_scanned);
}
