/* byline-html-meta.c: what a saved news page says about itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The head (title, meta tags, the canonical link, the language), <time>
 * outside the page chrome and JSON-LD articles, stored as the document's
 * metadata; the first value seen for each key wins. byline-html-import.c
 * finds the article text.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-html-import-private.h"
#include "byline-import.h"

/* JSON-GLib parses recursively: deeper JSON-LD would exhaust the stack. */
#define MAX_JSON_DEPTH     64
#define MAX_LD_DEPTH       6

static const char * const date_meta_names[] = {
  "date", "pubdate", "publishdate", "publish-date", "dc.date",
  "dc.date.issued", "dcterms.date", "dcterms.created", "parsely-pub-date",
  "datepublished", NULL
};

static void
remember (PageMeta   *meta,
          const char *key,
          const char *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL || g_hash_table_contains (meta->values, key))
    return;
  clean = _byline_html_collapse_spaces (value);
  if (!_byline_html_is_blank (clean))
    g_hash_table_insert (meta->values, g_strdup (key), g_steal_pointer (&clean));
}

static gboolean
looks_like_url (const char *value)
{
  return strstr (value, "://") != NULL || g_str_has_prefix (value, "www.") || value[0] == '/';
}

static void
add_author (PageMeta   *meta,
            const char *value)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;

  if (value == NULL)
    return;
  name = _byline_html_collapse_spaces (value);
  if (g_ascii_strncasecmp (name, "by ", 3) == 0)
    memmove (name, name + 3, strlen (name + 3) + 1);
  if (_byline_html_is_blank (name) || looks_like_url (name))
    return;
  key = g_utf8_casefold (name, -1);
  for (guint i = 0; i < meta->authors->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (meta->authors, i), -1);

      if (strcmp (key, other) == 0)
        return;
    }
  g_ptr_array_add (meta->authors, g_steal_pointer (&name));
}

/* JSON-LD */

static gboolean
json_nesting_ok (const char *text)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string && *p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '"')
        in_string = !in_string;
      else if (!in_string && (*p == '[' || *p == '{') && ++depth > MAX_JSON_DEPTH)
        return FALSE;
      else if (!in_string && (*p == ']' || *p == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

static const char *
ld_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char *
ld_member_string (JsonObject *obj,
                  const char *member)
{
  return ld_string (json_object_get_member (obj, member));
}

/* The object with this @id, looked for through arrays and @graph. */
static JsonObject *
ld_lookup (JsonNode   *node,
           const char *id,
           guint       depth)
{
  JsonObject *obj;

  if (node == NULL || depth > MAX_LD_DEPTH)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          obj = ld_lookup (json_array_get_element (array, i), id, depth + 1);
          if (obj != NULL)
            return obj;
        }
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  obj = json_node_get_object (node);
  if (g_strcmp0 (ld_member_string (obj, "@id"), id) == 0)
    return obj;
  return ld_lookup (json_object_get_member (obj, "@graph"), id, depth + 1);
}

/* A person or organisation: a string, or an object with a name, or a
 * reference to one elsewhere in the graph. */
static const char *
ld_name (JsonNode *node,
         JsonNode *scope)
{
  JsonObject *obj;
  const char *id;

  if (node == NULL || ld_string (node) != NULL)
    return ld_string (node);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  obj = json_node_get_object (node);
  if (ld_member_string (obj, "name") != NULL)
    return ld_member_string (obj, "name");
  id = ld_member_string (obj, "@id");
  obj = id != NULL ? ld_lookup (scope, id, 0) : NULL;
  return obj != NULL ? ld_member_string (obj, "name") : NULL;
}

static gboolean
ld_is_article (JsonObject *obj)
{
  JsonNode *type = json_object_get_member (obj, "@type");
  JsonArray *types = type != NULL && JSON_NODE_HOLDS_ARRAY (type) ? json_node_get_array (type) : NULL;
  guint n = types != NULL ? json_array_get_length (types) : 1;

  for (guint i = 0; i < n; i++)
    {
      const char *name = ld_string (types != NULL ? json_array_get_element (types, i) : type);

      if (name != NULL && (g_str_has_suffix (name, "Article") ||
                           g_str_has_suffix (name, "BlogPosting") ||
                           strcmp (name, "Report") == 0))
        return TRUE;
    }
  return FALSE;
}

static void
ld_read_article (PageMeta   *meta,
                 JsonObject *obj,
                 JsonNode   *scope)
{
  JsonNode *authors = json_object_get_member (obj, "author");
  JsonNode *page = json_object_get_member (obj, "mainEntityOfPage");
  const char *body = ld_member_string (obj, "articleBody");

  remember (meta, "ld:headline", ld_member_string (obj, "headline"));
  remember (meta, "ld:published", ld_member_string (obj, "datePublished"));
  remember (meta, "ld:language", ld_member_string (obj, "inLanguage"));
  remember (meta, "ld:publisher", ld_name (json_object_get_member (obj, "publisher"), scope));
  remember (meta, "ld:url", ld_member_string (obj, "url"));
  remember (meta, "ld:url", ld_string (page));
  if (page != NULL && JSON_NODE_HOLDS_OBJECT (page))
    remember (meta, "ld:url", ld_member_string (json_node_get_object (page), "@id"));
  /* Kept unflattened: its newlines separate paragraphs. */
  if (body != NULL)
    g_hash_table_insert (meta->values, g_strdup ("ld:body"), g_strdup (body));
  if (authors != NULL && JSON_NODE_HOLDS_ARRAY (authors))
    {
      JsonArray *array = json_node_get_array (authors);

      for (guint i = 0; i < json_array_get_length (array); i++)
        add_author (meta, ld_name (json_array_get_element (array, i), scope));
    }
  else
    add_author (meta, ld_name (authors, scope));
}

static void
ld_visit (PageMeta *meta,
          JsonNode *node,
          JsonNode *scope,
          guint     depth)
{
  JsonObject *obj;

  if (node == NULL || meta->ld_found || depth > MAX_LD_DEPTH)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        ld_visit (meta, json_array_get_element (array, i), scope, depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  obj = json_node_get_object (node);
  if (ld_is_article (obj))
    {
      meta->ld_found = TRUE;
      ld_read_article (meta, obj, scope);
    }
  else
    ld_visit (meta, json_object_get_member (obj, "@graph"), scope, depth + 1);
}

/* Malformed JSON-LD is common and never fatal: it is skipped. */
static void
read_json_ld (PageMeta *meta,
              xmlNode  *script)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  xmlChar *content = xmlNodeGetContent (script);

  if (content != NULL && json_nesting_ok ((const char *) content) &&
      json_parser_load_from_data (parser, (const char *) content, -1, NULL))
    ld_visit (meta, json_parser_get_root (parser), json_parser_get_root (parser), 0);
  xmlFree (content);
}

/* Head metadata */

static void
read_meta_tag (PageMeta *meta,
               xmlNode  *node)
{
  g_autofree char *key = _byline_html_get_attr (node, "property");
  g_autofree char *content = _byline_html_get_attr (node, "content");

  if (key == NULL)
    key = _byline_html_get_attr (node, "name");
  if (key == NULL)
    key = _byline_html_get_attr (node, "itemprop");
  if (key == NULL || content == NULL)
    return;
  g_strstrip (key);
  for (char *p = key; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  if (strcmp (key, "author") == 0 || strcmp (key, "article:author") == 0)
    add_author (meta, content);
  else if (_byline_html_in_list (key, date_meta_names))
    remember (meta, "date", content);
  else if (strchr (key, ':') != NULL)
    remember (meta, key, content);
}

static void
remember_attr (PageMeta   *meta,
               const char *key,
               xmlNode    *node,
               const char *attr)
{
  g_autofree char *value = _byline_html_get_attr (node, attr);

  remember (meta, key, value);
}

static gboolean
attr_is (xmlNode    *node,
         const char *attr,
         const char *expected)
{
  g_autofree char *value = _byline_html_get_attr (node, attr);

  return value != NULL && g_ascii_strcasecmp (g_strstrip (value), expected) == 0;
}

static gboolean
inside_page_chrome (xmlNode *node)
{
  static const char * const chrome[] = { "nav", "aside", "footer", NULL };

  for (; node != NULL; node = node->parent)
    {
      if (_byline_html_element_in (node, chrome))
        return TRUE;
    }
  return FALSE;
}

static void
read_element_meta (PageMeta *meta,
                   xmlNode  *node)
{
  if (_byline_html_is_element (node, "html"))
    remember_attr (meta, "lang", node, "lang");
  else if (_byline_html_is_element (node, "title"))
    {
      xmlChar *content = xmlNodeGetContent (node);

      remember (meta, "title", (const char *) content);
      xmlFree (content);
    }
  else if (_byline_html_is_element (node, "meta"))
    read_meta_tag (meta, node);
  else if (_byline_html_is_element (node, "link") && attr_is (node, "rel", "canonical"))
    remember_attr (meta, "canonical", node, "href");
  else if (_byline_html_is_element (node, "time") && !inside_page_chrome (node))
    remember_attr (meta, "time", node, "datetime");
  else if (_byline_html_is_element (node, "script") && attr_is (node, "type", "application/ld+json"))
    read_json_ld (meta, node);
}

void
_byline_html_read_meta (PageMeta *meta,
                        xmlDoc   *html)
{
  xmlNode *root = xmlDocGetRootElement (html);

  for (xmlNode *node = root; node != NULL;)
    {
      read_element_meta (meta, node);
      /* An SVG's <title> is not the page's. */
      node = _byline_html_walk_next (node, root, _byline_html_is_element (node, "svg"));
    }
}

static const char * G_GNUC_NULL_TERMINATED
first_of (PageMeta   *meta,
          const char *key,
          ...)
{
  const char *value = NULL;
  va_list args;

  va_start (args, key);
  for (; key != NULL && value == NULL; key = va_arg (args, const char *))
    value = g_hash_table_lookup (meta->values, key);
  va_end (args);
  return value;
}

/* "Title | Site" → "Title", but only when the site is the page's own. */
static char *
strip_site_suffix (const char *title,
                   const char *site)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " · ", " :: ", NULL };

  for (guint i = 0; site != NULL && separators[i] != NULL; i++)
    {
      g_autofree char *suffix = g_strconcat (separators[i], site, NULL);

      if (g_str_has_suffix (title, suffix) && strlen (title) > strlen (suffix))
        return g_strndup (title, strlen (title) - strlen (suffix));
    }
  return g_strdup (title);
}

static void
set_meta (BylineDocument *doc,
          const char     *key,
          const char     *value)
{
  if (value != NULL)
    byline_document_set_meta_string (doc, key, value);
}

void
_byline_html_store_meta (BylineDocument *doc,
                         PageMeta       *meta)
{
  const char *title = first_of (meta, "og:title", "title", "ld:headline", NULL);
  const char *site = first_of (meta, "og:site_name", NULL);

  if (title != NULL)
    {
      g_autofree char *stripped = strip_site_suffix (title, site);

      set_meta (doc, BYLINE_META_TITLE, stripped);
    }
  set_meta (doc, BYLINE_META_SOURCE, first_of (meta, "og:site_name", "ld:publisher", NULL));
  set_meta (doc, BYLINE_META_URL, first_of (meta, "canonical", "og:url", "ld:url", NULL));
  /* JSON-LD before a loose <time>, which may belong to another story. */
  set_meta (doc, BYLINE_META_PUBLISHED,
            first_of (meta, "article:published_time", "ld:published", "date", "time", NULL));
  set_meta (doc, BYLINE_META_LANGUAGE, first_of (meta, "lang", "ld:language", NULL));
  if (meta->authors->len > 0)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (meta->authors->len);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < meta->authors->len; i++)
        json_array_add_string_element (array, g_ptr_array_index (meta->authors, i));
      json_node_set_array (node, array);
      byline_document_set_meta (doc, BYLINE_META_AUTHORS, node);
    }
}

