/* test-html-import.c: saved news pages in, article text and meta out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "byline-error.h"
#include "byline-import.h"

static BylineDocument *
import_data_file (const char  *name,
                  GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) read_error = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &read_error);
  g_assert_no_error (read_error);
  return byline_html_import (data, len, name, error);
}

static BylineDocument *
import_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  BylineDocument *doc = import_data_file (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (g_utf8_validate (byline_document_get_text (doc), -1, NULL));
  g_assert_false (byline_document_get_modified (doc));
  g_assert_false (byline_document_can_undo (doc));
  return doc;
}

static void
assert_meta (BylineDocument *doc,
             const char     *key,
             const char     *expected)
{
  g_assert_cmpstr (byline_document_get_meta_string (doc, key), ==, expected);
}

/* @expected is NULL-terminated; no authors at all means no "authors" key. */
static void
assert_authors (BylineDocument *doc,
                ...)
{
  JsonObject *meta = byline_document_get_meta (doc);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *name;
  JsonArray *authors;
  va_list args;

  va_start (args, doc);
  while ((name = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (expected, (gpointer) name);
  va_end (args);

  if (expected->len == 0)
    {
      g_assert_false (json_object_has_member (meta, BYLINE_META_AUTHORS));
      return;
    }
  authors = json_object_get_array_member (meta, BYLINE_META_AUTHORS);
  g_assert_nonnull (authors);
  g_assert_cmpuint (json_array_get_length (authors), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (json_array_get_string_element (authors, i), ==, g_ptr_array_index (expected, i));
}

static void
assert_absent (BylineDocument     *doc,
               const char * const *needles)
{
  const char *text = byline_document_get_text (doc);

  for (guint i = 0; needles[i] != NULL; i++)
    {
      if (strstr (text, needles[i]) != NULL)
        g_error ("boilerplate \"%s\" left in the text:\n%s", needles[i], text);
    }
}

static void
assert_import_error (const char *name,
                     const char *data,
                     gsize       len,
                     int         code,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_html_import (data, len, name, &error);

  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_article_og (void)
{
  g_autoptr(BylineDocument) doc = import_ok ("article-og.html");
  JsonObject *import = json_object_get_object_member (byline_document_get_meta (doc), "import");
  static const char * const boilerplate[] = {
    "Share", "Facebook", "Tweet", "Email", "Advertisement", "Photo:", "Jimmy Olsen",
    "dataLayer", "googletag", "console", "Council approves", "Lois Lane",
    "April 23", "JavaScript", "Bridges", "Most read", "Heatwave", "rights reserved",
    "cookies", "Metro\n", "close", "&amp;", "&rsquo;", NULL
  };

  g_assert_cmpstr (byline_document_get_text (doc), ==,
                   "METROPOLIS — The city council voted 7–2 on Tuesday to build a new bridge "
                   "across the Hobbs River, ending a fight that began in 2019.\n\n"
                   "“This is a great day for commuters & cyclists,” said Mayor Perry White. "
                   "“We’ve waited long enough.”\n\n"
                   "What happens next\n\n"
                   "Construction is expected to start in spring 2025. The plan includes:\n\n"
                   "two traffic lanes in each direction;\n\n"
                   "a protected bike lane.\n\n"
                   "“We will keep the old bridge open until the new one is finished,” "
                   "the city’s engineer said.");
  assert_absent (doc, boilerplate);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "article-og");
  assert_meta (doc, BYLINE_META_TITLE, "Council approves new bridge after five-year fight");
  assert_meta (doc, BYLINE_META_SOURCE, "The Daily Planet");
  /* The canonical link wins over og:url with its tracking parameters. */
  assert_meta (doc, BYLINE_META_URL, "https://www.dailyplanet.example/metro/bridge-vote");
  assert_meta (doc, BYLINE_META_PUBLISHED, "2024-04-23T09:30:00-04:00");
  assert_meta (doc, BYLINE_META_LANGUAGE, "en-US");
  /* article:author is a profile URL, not a name. */
  assert_authors (doc, "Lois Lane", NULL);
  g_assert_nonnull (import);
  g_assert_cmpstr (json_object_get_string_member (import, "file"), ==, "article-og.html");
  g_assert_cmpstr (json_object_get_string_member (import, "format"), ==, "html");
  g_assert_cmpuint (strlen (json_object_get_string_member (import, "sha256")), ==, 64);
}

static void
test_nested_divs (void)
{
  g_autoptr(BylineDocument) doc = import_ok ("nested-divs.html");
  static const char * const boilerplate[] = {
    "Home", "Weather", "Flood defences to be rebuilt after storm", "Advertisement",
    "Close", "Related", "River levels", "Council publishes", "Most popular", "Bypass",
    "School wins", "newsletter", "About us", "Privacy", "Example Media", NULL
  };

  g_assert_cmpstr (byline_document_get_text (doc), ==,
                   "Flood defences along the River Ouse will be rebuilt after last winter's "
                   "storm breached the embankment in three places, the county council has "
                   "announced.\n\n"
                   "The work, costing an estimated £4.2 million, will begin in the summer and "
                   "is expected to take eighteen months to complete.\n\n"
                   "Residents of Mill Lane, where forty homes were flooded, welcomed the "
                   "decision but said it should have come sooner.");
  assert_absent (doc, boilerplate);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "nested-divs");
  /* og:site_name matches the <title> suffix, so the suffix goes. */
  assert_meta (doc, BYLINE_META_TITLE, "Flood defences to be rebuilt after storm");
  assert_meta (doc, BYLINE_META_SOURCE, "Riverside Gazette");
  assert_meta (doc, BYLINE_META_URL, "https://riverside.example/news/flood-defences");
  assert_meta (doc, BYLINE_META_PUBLISHED, "2024-03-05");
  assert_meta (doc, BYLINE_META_LANGUAGE, "en-GB");
  assert_authors (doc, "Maria Gomez", NULL);
}

static void
test_jsonld_graph (void)
{
  g_autoptr(BylineDocument) doc = import_ok ("jsonld-graph.html");
  static const char * const boilerplate[] = {
    "Home", "News", "morning briefing", "Sign up", "Comments", "Great news", NULL
  };

  g_assert_cmpstr (byline_document_get_text (doc), ==,
                   "The planning board has approved a €300 million expansion of the port, "
                   "after a review that lasted almost three years.\n\n"
                   "The new quay will allow ships twice the size of today's to dock, the port "
                   "company said.\n\n"
                   "Opponents said they would consider an appeal.");
  assert_absent (doc, boilerplate);
  assert_meta (doc, BYLINE_META_TITLE, "Port expansion approved after long review");
  /* The publisher is a reference to an Organization node of the @graph. */
  assert_meta (doc, BYLINE_META_SOURCE, "Harbour Herald");
  assert_meta (doc, BYLINE_META_URL, "https://herald.example/2024/05/port-expansion/");
  assert_meta (doc, BYLINE_META_PUBLISHED, "2024-05-14T06:00:00+01:00");
  assert_meta (doc, BYLINE_META_LANGUAGE, "en-IE");
  /* An object with a name, a reference into the graph, and a plain string;
   * the broken third script is ignored. */
  assert_authors (doc, "Aoife Byrne", "Cian Walsh", "Desk Reporter", NULL);
}

static void
test_jsonld_body (void)
{
  g_autoptr(BylineDocument) doc = import_ok ("jsonld-body.html");

  /* The page shows only a paywall: the story is in JSON-LD articleBody. */
  g_assert_cmpstr (byline_document_get_text (doc), ==,
                   "La ligne 3 du tramway sera prolongée de deux kilomètres.\n\n"
                   "Les travaux commenceront en mars, a annoncé la métropole.\n\n"
                   "La mise en service est prévue pour 2026.");
  assert_meta (doc, BYLINE_META_TITLE, "Le tramway prolongé jusqu’à la gare");
  assert_meta (doc, BYLINE_META_SOURCE, "La Gazette du Rhône");
  assert_meta (doc, BYLINE_META_URL, "https://gazette.example/tramway");
  assert_meta (doc, BYLINE_META_PUBLISHED, "2024-02-01");
  assert_meta (doc, BYLINE_META_LANGUAGE, "fr");
  assert_authors (doc, "Claire Martin", NULL);
}

static void
test_unicode (void)
{
  g_autoptr(BylineDocument) doc = import_ok ("unicode.html");
  const char *expected =
    "“It’s the best café in town,” she said — and smiled 😀.\n\n"
    "“Raw curly quotes” and ‘single ones’ stay as they are – en dash too 😀.\n\n"
    "The shop is 10\u00A0km from 東京 (東京), past the Cafe\u0301 Noir and the "
    "jalapen\u0303o stand.\n\n"
    "Prices: 5\u00A0€ < 6\u00A0€ & tea\u00A0is\u00A0free. Entities: 😀 👍🏽.\n\n"
    "Unknown &bogus; entity stays readable.";

  g_assert_cmpstr (byline_document_get_text (doc), ==, expected);
  /* Code points, not bytes: 😀 and the combining accents count as one each. */
  g_assert_cmpuint (byline_document_get_n_chars (doc), ==, g_utf8_strlen (expected, -1));
  /* The suffix is not the page's site name, so the title stays whole. */
  assert_meta (doc, BYLINE_META_TITLE, "Café culture — in numbers | Other Site");
  assert_meta (doc, BYLINE_META_SOURCE, "Unicode Times");
  assert_meta (doc, BYLINE_META_URL, "https://unicode.example/cafe");
  assert_meta (doc, BYLINE_META_PUBLISHED, NULL);
  assert_meta (doc, BYLINE_META_LANGUAGE, "ja");
  assert_authors (doc, NULL);
}

static void
test_latin1 (void)
{
  g_autoptr(BylineDocument) doc = import_ok ("latin1.html");

  /* Labelled ISO-8859-1, and like most such pages really windows-1252:
   * „ “ – € are bytes 0x84 0x93 0x96 0x80. */
  g_assert_cmpstr (byline_document_get_text (doc), ==,
                   "Die Straßenbahn fährt wieder: „Endlich“, sagte ein Fahrgast – nach drei "
                   "Wochen.\n\n"
                   "Das Ticket kostet 2,90 €; in London wären es £2.\n\n"
                   "Café & Bistro Öffnungszeiten: 8–18 Uhr.");
  assert_meta (doc, BYLINE_META_TITLE, "Grüße aus München");
  assert_meta (doc, BYLINE_META_LANGUAGE, "de");
  assert_authors (doc, "Jürgen Müller", NULL);
}

static char *
import_text (const char *data,
             gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = NULL;

  doc = byline_html_import (data, len < 0 ? strlen (data) : (gsize) len, "mem.html", &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (byline_document_get_text (doc), -1, NULL));
  return g_strdup (byline_document_get_text (doc));
}

static void
test_charsets (void)
{
  g_autofree char *undeclared = NULL;
  g_autofree char *bom = NULL;
  g_autofree char *bad_utf8 = NULL;
  g_autofree char *http_equiv = NULL;
  g_autofree char *koi8 = NULL;

  /* No charset and not UTF-8: read as windows-1252, as browsers do. */
  undeclared = import_text ("<p>Caf\xE9 \x93ol\xE9\x94</p>", -1);
  g_assert_cmpstr (undeclared, ==, "Café “olé”");
  bom = import_text ("\xEF\xBB\xBF<p>Caf\xC3\xA9</p>", -1);
  g_assert_cmpstr (bom, ==, "Café");
  /* Declared UTF-8 with one stray byte: the rest survives. */
  bad_utf8 = import_text ("<meta charset=utf-8><p>ol\xE9 caf\xC3\xA9</p>", -1);
  g_assert_cmpstr (bad_utf8, ==, "ol\uFFFD café");
  http_equiv = import_text ("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                            "charset=windows-1252\"><p>\x84Gut\x93 \x80</p>", -1);
  g_assert_cmpstr (http_equiv, ==, "„Gut“ €");
  koi8 = import_text ("<meta charset='koi8-r'><p>\xED\xCF\xD3\xCB\xD7\xC1</p>", -1);
  g_assert_cmpstr (koi8, ==, "Москва");
}

static void
test_densest_block (void)
{
  /* A teaser card marked up as <article> must not beat the real story. */
  const char *page =
    "<html><body><div class=\"list\"><article><p>Teaser.</p></article></div>"
    "<div class=\"story\"><p>The first long paragraph of the story that matters.</p>"
    "<p>A second paragraph, also <b>long</b> <i>enough</i> to count, with <a href=\"#\">a link</a>.</p>"
    "<p>A third one to make the block dense.</p>"
    "<div>Line one<br>line two<br><br>Line three</div></div>"
    "<div class=\"links\"><p><a href=\"/1\">Link one with quite a long title here</a></p>"
    "<p><a href=\"/2\">Link two with quite a long title here too</a></p></div>"
    "</body></html>";
  g_autofree char *text = import_text (page, -1);

  g_assert_cmpstr (text, ==,
                   "The first long paragraph of the story that matters.\n\n"
                   "A second paragraph, also long enough to count, with a link.\n\n"
                   "A third one to make the block dense.\n\n"
                   "Line one line two\n\n"
                   "Line three");
}

static void
test_empty (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", "empty.html", NULL);
  g_autofree char *data = NULL;
  gsize len = 1;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, ==, 0);
  assert_import_error ("empty.html", data, len, BYLINE_ERROR_PARSE, "empty.html: empty file");
  assert_import_error ("bom.html", "\xEF\xBB\xBF", 3, BYLINE_ERROR_PARSE, "bom.html: empty file");
  assert_import_error ("blank.html", " \n\t\n", 4, BYLINE_ERROR_INVALID,
                       "blank.html: no article text found");
  assert_import_error (NULL, "<html></html>", 13, BYLINE_ERROR_INVALID,
                       "<input>: no article text found");
}

static void
test_binary_junk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = import_data_file ("junk.html", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  char junk[8192];

  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "junk.html: binary data, not an HTML page");

  /* Without NUL bytes junk is read as windows-1252 text, and the parser
   * makes paragraphs of loose text: an error or valid text, never a crash. */
  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GError) junk_error = NULL;
      g_autoptr(BylineDocument) junk_doc = NULL;

      for (gsize i = 0; i < sizeof junk; i++)
        junk[i] = (char) g_rand_int_range (rand, 1, 0x100);
      junk_doc = byline_html_import (junk, sizeof junk, "junk2.html", &junk_error);
      if (junk_doc == NULL)
        {
          g_assert_error (junk_error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
          g_assert_cmpstr (junk_error->message, ==, "junk2.html: no article text found");
        }
      else
        {
          const char *text = byline_document_get_text (junk_doc);

          g_assert_no_error (junk_error);
          g_assert_true (g_utf8_validate (text, -1, NULL));
          g_assert_cmpuint (strlen (text), >, 0);
          g_assert_false (g_ascii_isspace (text[0]));
          g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
        }
    }
}

static char *
nested_page (guint depth)
{
  GString *page = g_string_new ("<html><body>");

  for (guint i = 0; i < depth; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<p>Deep text.</p>");
  for (guint i = 0; i < depth; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "</body></html>");
  return g_string_free (page, FALSE);
}

static void
test_deep_nesting (void)
{
  g_autofree char *deep = nested_page (10000);
  g_autofree char *fine = nested_page (200);
  g_autofree char *text = NULL;

  assert_import_error ("deep.html", deep, strlen (deep), BYLINE_ERROR_PARSE,
                       "deep.html: elements nested too deeply to read");
  text = import_text (fine, -1);
  g_assert_cmpstr (text, ==, "Deep text.");
}

static void
test_deep_json_ld (void)
{
  GString *page = g_string_new ("<script type=\"application/ld+json\">");
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;

  /* JSON-GLib recurses: this would overflow its stack if parsed. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (page, '[');
  g_string_append (page, "</script><p>Still readable.</p>");
  data = g_string_free (page, FALSE);
  text = import_text (data, -1);
  g_assert_cmpstr (text, ==, "Still readable.");
}

static void
test_no_paragraphs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = import_data_file ("no-paragraphs.html", &error);

  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "no-paragraphs.html: no article text found");
}

static void
test_doctype_entity (void)
{
  g_autoptr(BylineDocument) doc = import_ok ("doctype-entity.html");

  /* Neither the external DTD nor the SYSTEM entities are loaded or
   * expanded: the references stay as written. */
  g_assert_cmpstr (byline_document_get_text (doc), ==,
                   "First paragraph &xxe; stays literal.\n\n"
                   "Second paragraph &remote; too & that’s fine.");
  g_assert_null (strstr (byline_document_get_text (doc), "root:"));
  assert_meta (doc, BYLINE_META_TITLE, "Entity test");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-import/article-og", test_article_og);
  g_test_add_func ("/html-import/nested-divs", test_nested_divs);
  g_test_add_func ("/html-import/jsonld-graph", test_jsonld_graph);
  g_test_add_func ("/html-import/jsonld-body", test_jsonld_body);
  g_test_add_func ("/html-import/unicode", test_unicode);
  g_test_add_func ("/html-import/latin1", test_latin1);
  g_test_add_func ("/html-import/charsets", test_charsets);
  g_test_add_func ("/html-import/densest-block", test_densest_block);
  g_test_add_func ("/html-import/hostile/empty", test_empty);
  g_test_add_func ("/html-import/hostile/binary-junk", test_binary_junk);
  g_test_add_func ("/html-import/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html-import/hostile/deep-json-ld", test_deep_json_ld);
  g_test_add_func ("/html-import/hostile/no-paragraphs", test_no_paragraphs);
  g_test_add_func ("/html-import/hostile/doctype-entity", test_doctype_entity);

  return g_test_run ();
}
