/* test-native-scan.c: the scanner reads every file exactly as the tree
 * reader does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline_native_load_data() reads with the scanner (byline-native-scan.c)
 * and falls back to the JSON-GLib tree reader when the scanner declines.
 * Each test here feeds inputs to both byline_native_load_data() and the
 * tree reader alone and demands the same outcome: the same error, or the
 * same document (byline_native_to_string(), plus the order of the members
 * it keeps) with the same problems. Inputs: every .byline.json in the
 * repository, a generated document with everything the format holds, and
 * thousands of variants made from them with a fixed seed (truncations,
 * byte flips, wrong types, duplicate and reordered keys, escapes and
 * surrogates, odd numbers, white space, deep nesting). The scanner must
 * also read the good ones itself: a scanner that always declined would be
 * exact and useless.
 *
 * This file checks whole files and their variants; the JSON syntax
 * (numbers, escapes, what JSON-GLib reads its own way, nesting) is checked
 * in test-native-scan-syntax.c, with the same comparison
 * (scan-test-util.c).
 */
#include <string.h>

#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-json-writer.h"
#include "byline-native.h"
#include "byline-native-scan.h"

#include "scan-test-util.h"

#define SEED 20240423

/* ---- Inputs ------------------------------------------------------------- */

/* The formats.md example with every kind of member the format has. */
static const char example[] =
  "{\n"
  "  \"format\": \"byline\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"doc-1\",\n"
  "  \"meta\": {\"title\": \"Win\", \"source\": \"Wire\", \"url\": \"https:\\/\\/example.org\\/a\", \"authors\": [\"A. Writer\"], \"language\": \"en\", \"zz_custom\": {\"b\": 1, \"a\": [true, null, 2.5, -0, 1e2, -0.0]}},\n"
  "  \"text\": \"\\\"We will win,\\\" said Smith \\ud83d\\ude00 in \\u5317\\u4eac.\",\n"
  "  \"schema\": \"news\",\n"
  "  \"attributes\": {\"done\": false, \"topic\": \"sport\", \"n\": 3},\n"
  "  \"annotations\": [\n"
  "    {\"id\": \"a1\", \"layer\": \"speakers\", \"label\": \"QUOTE\", \"start\": 0, \"end\": 14, \"text\": \"\\\"We will win,\\\"\", \"status\": \"manual\", \"origin\": \"alice\", \"attributes\": {\"quote_type\": \"direct\", \"w\": {\"y\": [1, {\"z\": null}], \"x\": 1.5}}},\n"
  "    {\"id\": \"a3\", \"layer\": \"speakers\", \"label\": \"CUE\", \"start\": 15, \"end\": 19, \"text\": \"said\", \"status\": \"accepted\", \"origin\": \"rules:quotes\", \"confidence\": 0.1, \"note\": \"line\\nbreak\\ttab \\u00e9\", \"created\": \"2024-04-23T10:00:00Z\", \"modified\": \"2024-04-24T10:00:00Z\"},\n"
  "    {\"id\": \"a2\", \"layer\": \"speakers\", \"label\": \"SPEAKER\", \"start\": 20, \"end\": 25, \"text\": \"Smith\", \"status\": \"suggested\", \"origin\": \"rules:quotes\", \"confidence\": 1, \"x_reviewer\": \"bob\", \"x_more\": [1, 2]},\n"
  "    {\"id\": \"a4\", \"layer\": \"speakers\", \"label\": \"QUOTE\", \"fragments\": [[0, 3], [20, 25]], \"text\": \"\\\"We Smith\", \"status\": \"rejected\"},\n"
  "    {\"layer\": \"entities\", \"label\": \"GPE\", \"start\": 31, \"end\": 33, \"text\": \"\\u5317\\u4eac\"},\n"
  "    {\"id\": \"a6\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": 26, \"end\": 27, \"text\": \"\\ud83d\\ude00\"}\n"
  "  ],\n"
  "  \"relations\": [\n"
  "    {\"id\": \"r1\", \"type\": \"said_by\", \"from\": \"a1\", \"to\": \"a2\"},\n"
  "    {\"id\": \"r2\", \"type\": \"cue\", \"from\": \"a1\", \"to\": \"a3\", \"status\": \"suggested\", \"origin\": \"rules:quotes\", \"attributes\": {\"certain\": true, \"b\": 2, \"a\": 1}, \"x_r\": {}},\n"
  "    {\"type\": \"said_by\", \"from\": \"a4\", \"to\": \"a2\"}\n"
  "  ],\n"
  "  \"x_project\": \"pilot\",\n"
  "  \"a_first\": [[], {}]\n"
  "}\n";

/* Warnings only: read by the scanner, reported as by the tree reader. */
static const char with_warnings[] =
  "{\"format\": \"byline\", \"version\": 1, \"text\": \"\\\"We will win,\\\" said Smith.\", \"schema\": \"news\",\n"
  " \"annotations\": [\n"
  "  {\"id\": \"a1\", \"layer\": \"speakers\", \"label\": \"QUOTE\", \"start\": 0, \"end\": 14},\n"
  "  {\"id\": \"a2\", \"layer\": \"entities\", \"label\": \"CUE\", \"start\": 15, \"end\": 19},\n"
  "  {\"id\": \"a3\", \"layer\": \"entities\", \"label\": \"FOO\", \"start\": 20, \"end\": 25},\n"
  "  {\"layer\": \"entities\", \"label\": \"FOO\", \"start\": 21, \"end\": 25},\n"
  "  {\"layer\": \"other\", \"label\": \"BAR\", \"start\": 21, \"end\": 24}\n"
  " ],\n"
  " \"relations\": [\n"
  "  {\"id\": \"r1\", \"type\": \"said_by\", \"from\": \"a2\", \"to\": \"a1\"},\n"
  "  {\"type\": \"knows\", \"from\": \"a1\", \"to\": \"a3\"}\n"
  " ]}\n";

static char *
read_file (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, &error));
  g_assert_no_error (error);
  return data;
}

static void
collect_files (const char *dir,
               GPtrArray  *into)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, into);
      else if (g_str_has_suffix (name, ".byline.json"))
        g_ptr_array_add (into, g_steal_pointer (&path));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static GPtrArray *
repository_files (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tests = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *samples = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", NULL);

  collect_files (tests, files);
  collect_files (samples, files);
  g_ptr_array_sort (files, compare_paths);
  return files;
}

/* A document with all the format holds: astral and combining characters,
 * CJK, CRLF, tabs, controls; fragments, attributes of every JSON type,
 * unknown keys, notes, confidences, relations. */
static BylineDocument *
generate_document (GRand *rand,
                   guint  n_annotations)
{
  static const char * const words[] = {
    "“We", "will", "win,”", "said", "Smith", "—", "naïve", "e\xcc\x81", "北京", "😀", "👩‍👩‍👧",
    "Zürich", "ソニー", "‘quoted’", "tab\there", "crlf\r\n", "\"straight\"", "back\\slash", "c\x01trl",
  };
  static const char * const labels[][2] = {
    { "entities", "PERSON" }, { "entities", "ORG" }, { "entities", "GPE" }, { "speakers", "QUOTE" },
    { "speakers", "SPEAKER" }, { "speakers", "CUE" }, { "claims", "CLAIM" }, { "entities", "X_UNKNOWN" },
  };
  BylineDocument *doc = byline_document_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n_chars;

  while (text->len < n_annotations * 40 + 200)
    {
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (text, g_rand_int_range (rand, 0, 12) == 0 ? '\n' : ' ');
    }
  g_assert_true (byline_document_set_text (doc, text->str, -1, &error));
  n_chars = byline_document_get_n_chars (doc);
  byline_document_set_id (doc, "generated");
  byline_document_set_schema_name (doc, "news");
  json_object_set_string_member (byline_document_get_meta (doc), "title", "Generated — “test”");
  json_object_set_double_member (byline_document_get_meta (doc), "score", 0.1 + 0.2);
  json_object_set_int_member (byline_document_get_attributes (doc), "round", 3);

  for (guint i = 0; i < n_annotations; i++)
    {
      guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (labels));
      guint start = g_rand_int_range (rand, 0, n_chars - 60);
      g_autoptr(BylineAnnotation) a = byline_annotation_new (labels[k][0], labels[k][1], start,
                                                             start + g_rand_int_range (rand, 1, 20));
      BylineAnnotation *added;

      if (g_rand_int_range (rand, 0, 10) == 0)
        byline_annotation_add_fragment (a, start + 30, start + 30 + g_rand_int_range (rand, 1, 25));
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          byline_annotation_set_status (a, BYLINE_STATUS_SUGGESTED);
          byline_annotation_set_origin (a, "spacy:en_core_web_trf");
          byline_annotation_set_confidence (a, g_rand_double (rand));
          break;
        case 1:
          byline_annotation_set_status (a, BYLINE_STATUS_ACCEPTED);
          byline_annotation_set_confidence (a, g_rand_int_range (rand, 0, 2));
          break;
        case 2:
          byline_annotation_set_note (a, "a note\twith “quotes” and \\ and \x02");
          byline_annotation_set_created (a, "2024-04-23T09:30:00Z");
          break;
        default:
          break;
        }
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          g_autoptr(JsonNode) nested = json_from_string ("{\"b\": [1, -2, 3.25, true, null, \"s\"], \"a\": {\"c\": -0.0}}", NULL);
          g_autoptr(JsonNode) big = json_from_string ("123456789012345678", NULL);

          byline_annotation_set_attribute_string (a, "quote_type", "direct");
          byline_annotation_set_attribute (a, "nested", nested);
          byline_annotation_set_attribute (a, "big", big);
        }
      if (g_rand_int_range (rand, 0, 7) == 0)
        {
          g_autoptr(JsonObject) extra = json_object_new ();

          json_object_set_string_member (extra, "x_z", "last");
          json_object_set_int_member (extra, "x_a", -7);
          byline_annotation_set_extra (a, extra);
        }
      added = byline_document_add_annotation (doc, a, &error);
      g_assert_no_error (error);
      g_ptr_array_add (ids, (gpointer) byline_annotation_get_id (added));
    }
  for (guint i = 0; i + 1 < ids->len; i += 7)
    {
      g_autoptr(BylineRelation) r = byline_relation_new (i % 2 ? "said_by" : "refers_to",
                                                         ids->pdata[i], ids->pdata[i + 1]);

      if (i % 3 == 0)
        {
          g_autoptr(JsonNode) yes = json_from_string ("true", NULL);

          byline_relation_set_status (r, BYLINE_STATUS_SUGGESTED);
          byline_relation_set_origin (r, "rules");
          byline_relation_set_attribute (r, "certain", yes);
        }
      g_assert_nonnull (byline_document_add_relation (doc, r, &error));
      g_assert_no_error (error);
    }
  byline_document_mark_loaded (doc);
  return doc;
}

/* ---- Rewriting JSON text ----------------------------------------------- */

/* Calls @func on every string literal in @json (quotes included) and
 * copies the rest. */
static char *
map_strings (const char *json,
             void      (*func) (GString *, const char *, gsize, GRand *),
             GRand      *rand)
{
  GString *out = g_string_new (NULL);
  const char *p = json;

  while (*p != '\0')
    {
      const char *q;

      if (*p != '"')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      for (q = p + 1; *q != '\0' && *q != '"'; q++)
        {
          if (*q == '\\' && q[1] != '\0')
            q++;
        }
      if (*q == '"')
        q++;
      func (out, p, q - p, rand);
      p = q;
    }
  return g_string_free (out, FALSE);
}

static void
append_u (GString  *out,
          gunichar  c,
          gboolean  upper)
{
  g_string_append_printf (out, upper ? "\\u%04X" : "\\u%04x", c);
}

/* Every non-ASCII character as \uXXXX (astral ones as surrogate pairs),
 * and now and then an ASCII one or a "\/". */
static void
escape_string (GString    *out,
               const char *str,
               gsize       len,
               GRand      *rand)
{
  const char *end = str + len;

  for (const char *p = str; p < end;)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean upper = g_rand_boolean (rand);

      if (*p == '\\')
        {
          gsize n = p[1] == 'u' ? 6 : 2;

          g_string_append_len (out, p, n);
          p += n;
          continue;
        }
      if (c >= 0x10000)
        {
          append_u (out, 0xD800 + ((c - 0x10000) >> 10), upper);
          append_u (out, 0xDC00 + ((c - 0x10000) & 0x3FF), upper);
        }
      else if (c >= 0x80 || (c != '"' && g_rand_int_range (rand, 0, 8) == 0))
        append_u (out, c, upper);
      else if (c == '/' && g_rand_boolean (rand))
        g_string_append (out, "\\/");
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
}

static char *
escape_all (const char *json,
            GRand      *rand)
{
  return map_strings (json, escape_string, rand);
}

/* White space outside strings rewritten by @style: 0 none at all, 1
 * spaces, tabs, CR and LF around every token, 2 CRLF line ends. */
static char *
rewrite_space (const char *json,
               int         style)
{
  GString *out = g_string_new (NULL);
  gboolean in_string = FALSE;

  for (const char *p = json; *p != '\0'; p++)
    {
      if (in_string)
        {
          g_string_append_c (out, *p);
          if (*p == '\\')
            g_string_append_c (out, *++p);
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        {
          if (style == 2 && *p == '\n')
            g_string_append (out, "\r\n");
          else if (style == 2)
            g_string_append_c (out, *p);
          continue;
        }
      if (style == 1 && strchr ("{}[],:\"", *p) != NULL)
        g_string_append (out, " \t\r\n ");
      g_string_append_c (out, *p);
      if (*p == '"')
        in_string = TRUE;
    }
  return g_string_free (out, FALSE);
}

/* ---- JSON trees with raw pieces ------------------------------------------ */

/* Mutations build a JsonNode tree and write it with members in order. Raw
 * text that a tree cannot hold (a duplicate key, 1e400, "\u0000") goes in
 * as a placeholder string that write_json() replaces. */
typedef struct
{
  GPtrArray *raw;  /* raw JSON text by placeholder number */
} Writer;

static char *
placeholder (Writer     *w,
             const char *raw)
{
  g_ptr_array_add (w->raw, g_strdup (raw));
  return g_strdup_printf ("\x01%u\x01", w->raw->len - 1);
}

static JsonNode *
raw_node (Writer     *w,
          const char *raw)
{
  g_autofree char *name = placeholder (w, raw);

  return json_node_init_string (json_node_alloc (), name);
}

static void
write_node (GString  *out,
            JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (l != members)
              g_string_append (out, ", ");
            byline_json_append_string (out, l->data);
            g_string_append (out, ": ");
            write_node (out, json_object_get_member (json_node_get_object (node), l->data));
          }
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append (out, ",\n ");
            write_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    default:
      byline_json_append_node (out, node);
      break;
    }
}

static char *
write_json (Writer   *w,
            JsonNode *root)
{
  g_autoptr(GString) out = g_string_new (NULL);

  write_node (out, root);
  g_string_append_c (out, '\n');
  /* Placeholders come out as "\u0001N\u0001", quotes included. */
  for (guint i = w->raw->len; i-- > 0;)
    {
      g_autofree char *quoted = g_strdup_printf ("\"\\u0001%u\\u0001\"", i);

      g_string_replace (out, quoted, w->raw->pdata[i], 0);
    }
  return g_strdup (out->str);
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  return json_node_copy (json_parser_get_root (parser));
}

/* Every object in @node, the root first. */
static void
collect_objects (JsonNode  *node,
                 GPtrArray *into)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      g_ptr_array_add (into, json_node_get_object (node));
      for (GList *l = members; l != NULL; l = l->next)
        collect_objects (json_object_get_member (json_node_get_object (node), l->data), into);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_objects (json_array_get_element (array, i), into);
    }
}

/* Rebuilds @object with its members in @order (names, owned by it). */
static void
reorder (JsonObject *object,
         GPtrArray  *order)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < order->len; i++)
    {
      g_ptr_array_add (names, g_strdup (order->pdata[i]));
      g_ptr_array_add (values, json_node_ref (json_object_get_member (object, order->pdata[i])));
    }
  for (guint i = 0; i < names->len; i++)
    json_object_remove_member (object, names->pdata[i]);
  for (guint i = 0; i < names->len; i++)
    json_object_set_member (object, names->pdata[i], json_node_ref (values->pdata[i]));
}

static GPtrArray *
member_names (JsonObject *object)
{
  GPtrArray *names = g_ptr_array_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (names, l->data);
  return names;
}

/* Values that trip readers: numbers JSON-GLib types its own way, wrong
 * types, escapes, lone surrogates, lists of the wrong shape. */
static const char * const odd_values[] = {
  "0", "-0", "1", "-1", "1.0", "1e2", "1E2", "1e+2", "-1e-2", "0.5", "-0.0", "2.5", "25",
  "4294967295", "2147483647", "2147483648", "999999999999999999", "9999999999999999999",
  "99999999999999999999", "18446744073709551616", "-9223372036854775808", "1e400", "-1e400", "1e-400",
  "true", "false", "null", "\"\"", "\"x\"", "\"manual\"", "\"suggested\"", "\"bogus\"", "\"entities\"",
  "\"PERSON\"", "\"QUOTE\"", "\"a1\"", "\"a2\"", "\"said_by\"", "\"byline\"", "[]", "{}", "[1]", "[[0, 5]]",
  "[[0, 5], [3, 8]]", "[[0, 3], [20, 25]]", "[[1]]", "[[1, 2, 3]]", "[[1, \"2\"]]", "[[-1, 2]]", "[[0, 1.5]]",
  "[null]", "{\"a\": 1, \"a\": 2}", "{\"quote_type\": \"direct\"}", "\"\\ud83d\\ude00\"", "\"\\ud83d\"",
  "\"\\ude00\"", "\"\\ud83dx\"", "\"\\ud83d\\u0041\"", "\"\\ud83d\\ud83d\"", "\"\\u0000\"", "\"a\\u0000b\"",
  "\"\\x41\"", "\"\\101\"", "\"\\u12\"", "\"\\U0041\"", "\"\\u00E9\"", "\"\\'\"", "\"tab\tinside\"",
  "\"\\/\"", "01", "+1", ".5", "5.", "0x10", "1e", "-", "- 1", "NaN", "Infinity", "True", "nul", "'x'",
  "[1,]", "{\"a\": 1,}", "[1 2]", "{\"a\" 1}", "/* c */ 1", "1 // c\n",
};

static const char * const odd_keys[] = {
  "\"id\"", "\"layer\"", "\"label\"", "\"start\"", "\"end\"", "\"text\"", "\"fragments\"", "\"status\"",
  "\"attributes\"", "\"format\"", "\"version\"", "\"meta\"", "\"annotations\"", "\"relations\"",
  "\"type\"", "\"from\"", "\"to\"", "\"schema\"", "\"x_new\"", "\"\"", "\"l\\u0061bel\"", "\"\\u0069d\"",
  "\"st\\u0061rt\"", "\"te\\u0078t\"", "\"\\u0000\"", "\"é\"", "'label'", "label",
};

static const char *
pick (GRand              *rand,
      const char * const *list,
      gsize               n)
{
  return list[g_rand_int_range (rand, 0, n)];
}

/* One random change to a random object of @root; says what it did. */
static void
mutate_tree (GRand    *rand,
             Writer   *w,
             JsonNode *root,
             GString  *what)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = NULL;
  JsonObject *object;
  const char *name;

  collect_objects (root, objects);
  /* The root half as often as any other object would be too rare. */
  object = g_rand_int_range (rand, 0, 4) == 0 ? objects->pdata[0]
                                              : objects->pdata[g_rand_int_range (rand, 0, objects->len)];
  names = member_names (object);
  name = names->len > 0 ? names->pdata[g_rand_int_range (rand, 0, names->len)] : NULL;

  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0:
    case 1:
      if (name != NULL)
        {
          const char *raw = pick (rand, odd_values, G_N_ELEMENTS (odd_values));

          g_string_append_printf (what, " [%s = %s]", name, raw);
          json_object_set_member (object, name, raw_node (w, raw));
        }
      break;
    case 2:
      if (name != NULL)
        {
          g_string_append_printf (what, " [remove %s]", name);
          json_object_remove_member (object, name);
        }
      break;
    case 3:
      if (name != NULL)
        {
          /* A duplicate key, before or after, with the same or an odd value. */
          g_autofree char *key = NULL;
          const char *raw = pick (rand, odd_values, G_N_ELEMENTS (odd_values));
          g_autoptr(GString) quoted = g_string_new (NULL);
          g_autoptr(GPtrArray) order = NULL;

          byline_json_append_string (quoted, name);
          key = placeholder (w, quoted->str);
          if (g_rand_boolean (rand))
            {
              g_autoptr(GString) same = g_string_new (NULL);

              write_node (same, json_object_get_member (object, name));
              json_object_set_member (object, key, raw_node (w, same->str));
              g_string_append_printf (what, " [duplicate %s]", name);
            }
          else
            {
              json_object_set_member (object, key, raw_node (w, raw));
              g_string_append_printf (what, " [duplicate %s = %s]", name, raw);
            }
          order = member_names (object);
          if (g_rand_boolean (rand))
            {
              g_ptr_array_remove_index (order, order->len - 1);
              g_ptr_array_insert (order, 0, key);
            }
          reorder (object, order);
        }
      break;
    case 4:
      if (name != NULL)
        {
          /* A renamed key: unknown, escaped, or another known one. */
          const char *raw = pick (rand, odd_keys, G_N_ELEMENTS (odd_keys));
          g_autofree char *key = placeholder (w, raw);
          g_autoptr(GPtrArray) order = member_names (object);

          g_string_append_printf (what, " [rename %s to %s]", name, raw);
          for (guint i = 0; i < order->len; i++)
            {
              if (strcmp (order->pdata[i], name) == 0)
                order->pdata[i] = key;
            }
          json_object_set_member (object, key, json_node_ref (json_object_get_member (object, name)));
          json_object_remove_member (object, name);
          reorder (object, order);
        }
      break;
    case 5:
      if (name != NULL)
        {
          /* Moved to the front or the back. */
          g_autoptr(GPtrArray) order = member_names (object);
          gboolean front = g_rand_boolean (rand);

          g_string_append_printf (what, " [%s to the %s]", name, front ? "front" : "back");
          for (guint i = 0; i < order->len; i++)
            {
              if (strcmp (order->pdata[i], name) == 0)
                {
                  g_ptr_array_remove_index (order, i);
                  break;
                }
            }
          if (front)
            g_ptr_array_insert (order, 0, (gpointer) name);
          else
            g_ptr_array_add (order, (gpointer) name);
          reorder (object, order);
        }
      break;
    case 6:
      {
        /* All members shuffled. */
        g_autoptr(GPtrArray) order = member_names (object);

        g_string_append (what, " [shuffle]");
        for (guint i = order->len; i > 1; i--)
          {
            guint k = g_rand_int_range (rand, 0, i);
            gpointer t = order->pdata[i - 1];

            order->pdata[i - 1] = order->pdata[k];
            order->pdata[k] = t;
          }
        reorder (object, order);
      }
      break;
    case 7:
      {
        const char *raw = pick (rand, odd_values, G_N_ELEMENTS (odd_values));

        g_string_append_printf (what, " [add x_added = %s]", raw);
        json_object_set_member (object, "x_added", raw_node (w, raw));
      }
      break;
    default:
      if (name != NULL)
        {
          /* The value wrapped in a list or an object. */
          JsonNode *value = json_node_copy (json_object_get_member (object, name));
          JsonNode *wrapper;

          if (g_rand_boolean (rand))
            {
              JsonArray *array = json_array_new ();

              json_array_add_element (array, value);
              wrapper = json_node_init_array (json_node_alloc (), array);
              json_array_unref (array);
            }
          else
            {
              JsonObject *inner = json_object_new ();

              json_object_set_member (inner, name, value);
              wrapper = json_node_init_object (json_node_alloc (), inner);
              json_object_unref (inner);
            }
          g_string_append_printf (what, " [wrap %s]", name);
          json_object_set_member (object, name, wrapper);
        }
      break;
    }
}

/* ---- Tests -------------------------------------------------------------- */

static void
test_repository_files (void)
{
  g_autoptr(GPtrArray) files = repository_files ();
  g_autoptr(BylineSchema) news = byline_schema_get_default ();
  guint scanned = 0;

  g_assert_cmpuint (files->len, >=, 20);
  for (guint i = 0; i < files->len; i++)
    {
      gsize len;
      g_autofree char *data = read_file (files->pdata[i], &len);

      scanned += scan_test_check_same (data, len, files->pdata[i]);
      scan_test_check_same_with (data, len, news, files->pdata[i]);
    }
  /* The good files, at least: the sample and the command-line ones. */
  g_assert_cmpuint (scanned, >=, 4);
}

/* The example, the sample article and the file with warnings are read by
 * the scanner, as written and rewritten every way that means the same. */
static void
test_good_files_scanned (void)
{
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                        "blinken-china-nbc.byline.json", NULL);
  g_autofree char *sample = read_file (sample_path, NULL);
  const char *bases[] = { example, with_warnings, sample };
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autoptr(JsonNode) root = parse (bases[i]);
      g_autoptr(GString) sorted = g_string_new (NULL);
      g_autofree char *escaped = escape_all (bases[i], rand);
      g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", bases[i], NULL);
      g_autofree char *trailing = g_strconcat (bases[i], " \r\n\t\n\n", NULL);

      g_assert_true (scan_test_check_same_str (bases[i], "as written"));
      g_assert_true (scan_test_check_same_str (escaped, "escaped"));
      g_assert_true (scan_test_check_same_str (bom, "with a byte order mark"));
      g_assert_true (scan_test_check_same_str (trailing, "trailing white space"));
      for (int style = 0; style < 3; style++)
        {
          g_autofree char *spaced = rewrite_space (bases[i], style);

          g_assert_true (scan_test_check_same_str (spaced, "white space"));
        }
      /* Sorted keys, as Python's json.dump (sort_keys=True) writes them:
       * "annotations" before "text", "relations" before "version". */
      byline_json_append_node (sorted, root);
      g_assert_true (scan_test_check_same_str (sorted->str, "sorted keys"));
    }
}

static void
test_generated (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(BylineDocument) doc = generate_document (rand, 2000);
  gsize len;
  g_autofree char *data = byline_native_to_string (doc, &len);
  g_autofree char *escaped = escape_all (data, rand);
  g_autofree char *compact = rewrite_space (data, 0);
  g_autoptr(BylineDocument) back = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (scan_test_check_same (data, len, "generated"));
  g_assert_true (scan_test_check_same_str (escaped, "generated, escaped"));
  g_assert_true (scan_test_check_same_str (compact, "generated, compact"));

  /* Escapes decode to the very same document. */
  back = _byline_native_scan (escaped, strlen (escaped), NULL, NULL);
  g_assert_nonnull (back);
  again = byline_native_to_string (back, NULL);
  g_assert_cmpstr (again, ==, data);

  /* One byte changed somewhere, each time another. */
  for (guint round = 0; round < 12; round++)
    {
      g_autofree char *broken = g_strdup (data);
      gsize at = g_rand_int_range (rand, 0, len);

      broken[at] = (char) g_rand_int_range (rand, 0, 256);
      scan_test_check_same (broken, len, "generated, one byte changed");
    }
}

static void
test_truncated (void)
{
  gsize len = strlen (example);

  for (gsize i = 0; i < len; i++)
    scan_test_check_same (example, i, "truncated");
}

static void
test_bytes_changed (void)
{
  static const char interesting[] = "\"\\{}[],:0-1e.+ \t\r\nutfnx\x01\x7f\x80\xbf\xc3\xe2\xed\xf0\xff";
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 1);
  gsize len = strlen (example);

  for (guint round = 0; round < 2500; round++)
    {
      g_autoptr(GString) s = g_string_new_len (example, len);
      g_autofree char *what = NULL;
      guint n = g_rand_int_range (rand, 1, 4);

      for (guint k = 0; k < n; k++)
        {
          gsize at = g_rand_int_range (rand, 0, s->len);
          char c = g_rand_boolean (rand) ? interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)]
                                         : (char) g_rand_int_range (rand, 0, 256);

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              s->str[at] = c;
              break;
            case 1:
              g_string_insert_c (s, at, c);
              break;
            default:
              g_string_erase (s, at, 1);
              break;
            }
        }
      what = g_strdup_printf ("bytes changed, round %u", round);
      scan_test_check_same (s->str, s->len, what);
    }
}

static void
test_mutated (void)
{
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                        "blinken-china-nbc.byline.json", NULL);
  g_autofree char *sample = read_file (sample_path, NULL);
  const char *bases[] = { example, with_warnings, sample };
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 2);
  guint scanned = 0;
  guint rounds = 0;

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      for (guint round = 0; round < (b == 2 ? 400 : 1200); round++)
        {
          g_autoptr(JsonNode) root = parse (bases[b]);
          g_autoptr(GPtrArray) raw = g_ptr_array_new_with_free_func (g_free);
          Writer w = { raw };
          g_autoptr(GString) what = g_string_new (NULL);
          g_autofree char *json = NULL;
          guint n = g_rand_int_range (rand, 1, 4);

          g_string_printf (what, "base %u, round %u:", b, round);
          for (guint k = 0; k < n; k++)
            mutate_tree (rand, &w, root, what);
          json = write_json (&w, root);
          if (g_rand_int_range (rand, 0, 4) == 0)
            {
              g_autofree char *escaped = escape_all (json, rand);

              g_string_append (what, " [escaped]");
              g_free (json);
              json = g_steal_pointer (&escaped);
            }
          scanned += scan_test_check_same_str (json, what->str);
          rounds++;
        }
    }
  /* Many changes keep a file good: a moved key, an unknown one, an
   * escaped name, a duplicate attribute... */
  g_test_message ("%u of %u mutated files read by the scanner", scanned, rounds);
  g_assert_cmpuint (scanned, >=, rounds / 5);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/native-scan/repository-files", test_repository_files);
  g_test_add_func ("/native-scan/good-files-scanned", test_good_files_scanned);
  g_test_add_func ("/native-scan/generated", test_generated);
  g_test_add_func ("/native-scan/truncated", test_truncated);
  g_test_add_func ("/native-scan/bytes-changed", test_bytes_changed);
  g_test_add_func ("/native-scan/mutated", test_mutated);
  status = g_test_run ();
  scan_test_report ();
  return status;
}
