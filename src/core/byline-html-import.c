/* byline-html-import.c: import a saved news page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The article text (main-content extraction), decoding and parsing the
 * page; what the page says about itself (head metadata, JSON-LD) is read
 * in byline-html-meta.c.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "byline-error.h"
#include "byline-html-import-private.h"
#include "byline-import.h"

/* Saved pages often carry huge heads of inline scripts before the charset. */
#define CHARSET_SCAN_BYTES 16384

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, htmlFreeParserCtxt)

static void
page_meta_clear (PageMeta *meta)
{
  g_clear_pointer (&meta->values, g_hash_table_unref);
  g_clear_pointer (&meta->authors, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageMeta, page_meta_clear)

static const char * const dropped_tags[] = {
  "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
  "button", "iframe", "svg", "math", "template", "select", "textarea", "input",
  "object", "embed", "canvas", "video", "audio", "picture", "map", "dialog",
  "menu", "head", "title", "h1", NULL
};

static const char * const block_tags[] = {
  "address", "article", "aside", "blockquote", "body", "caption", "center",
  "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "html", "legend", "li",
  "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
  "tfoot", "th", "thead", "tr", "ul", NULL
};

/* Matched anywhere in a lowercased class or id. */
static const char * const boilerplate_words[] = {
  "share", "social", "related", "newsletter", "advert", "promo", "comments",
  "cookie", "sidebar", "subscribe", "sponsor", "recommend", "trending",
  "popular", "breadcrumb", "byline", "outbrain", "taboola", "signup",
  "sign-up", "consent", "most-read", "mostread", "credit", NULL
};

/* Matched as a whole word of a class or id split at '-' and '_'. */
static const char * const boilerplate_parts[] = {
  "ad", "ads", "adslot", "comment", "nav", "menu", "tags", "print", "modal",
  "popup", NULL
};

static const char * const body_markers[] = {
  "articlebody", "storybody", "entrycontent", NULL
};

static const char * const ignored_roles[] = {
  "navigation", "complementary", "banner", "contentinfo", "search", "dialog",
  "alertdialog", "menu", "menubar", NULL
};

/* Whole paragraphs that are widget labels, not article text. */
static const char * const residue_lines[] = {
  "close", "advertisement", "ad", "skip advertisement", "share",
  "share this", "share this article", "share this story", "share on facebook",
  "share on twitter", "share via email", "tweet", "email", "print",
  "copy link", "link copied", "read more", "continue reading",
  "story continues below advertisement", "article continues below",
  "article continues below advertisement", "scroll to continue with content",
  "sign up", "subscribe", "related", "related stories", "related articles",
  "comments", "listen to this article", "supported by", NULL
};

static const char * const residue_prefixes[] = {
  "read more:", "related:", "read also:", "also read:", "see also:",
  "recommended:", NULL
};

static const char * const credit_prefixes[] = {
  "photo:", "photo by", "photograph:", "photos:", "image:", "image by",
  "picture:", "credit", "illustration:", "©", "(c)", "getty", NULL
};

gboolean
_byline_html_in_list (const char         *value,
                      const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (g_strcmp0 (value, list[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_prefix_in_list (const char         *value,
                    const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (g_str_has_prefix (value, list[i]))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Only the spaces HTML itself collapses: a no-break space stays. */
char *
_byline_html_collapse_spaces (const char *str)
{
  GString *out = g_string_sized_new (strlen (str));
  gboolean space = FALSE;

  for (const char *p = str; *p != '\0'; p++)
    {
      if (is_html_space (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

gboolean
_byline_html_is_blank (const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        return FALSE;
    }
  return TRUE;
}

/* The lowercased letters and digits of a line, without framing punctuation
 * ("Share this article:", "× Close"). */
static char *
residue_key (const char *line)
{
  g_autofree char *folded = g_utf8_strdown (line, -1);
  const char *start = folded;
  const char *end = folded + strlen (folded);

  while (start < end && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  return g_strndup (start, end - start);
}

static gboolean
is_residue (const char *line)
{
  g_autofree char *key = residue_key (line);
  g_autofree char *folded = g_utf8_strdown (line, -1);

  return _byline_html_in_list (key, residue_lines) || has_prefix_in_list (folded, residue_prefixes);
}

char *
_byline_html_get_attr (xmlNode    *node,
                       const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

gboolean
_byline_html_is_element (xmlNode    *node,
                         const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

gboolean
_byline_html_element_in (xmlNode            *node,
                         const char * const *list)
{
  return node->type == XML_ELEMENT_NODE && _byline_html_in_list ((const char *) node->name, list);
}

/* Walks the tree in document order without recursion: libxml2 allows 256
 * levels and a hostile page gets that deep. */
xmlNode *
_byline_html_walk_next (xmlNode  *node,
                        xmlNode  *root,
                        gboolean  skip_children)
{
  if (!skip_children && node->type == XML_ELEMENT_NODE && node->children != NULL)
    return node->children;
  while (node != root)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

static gboolean
words_boilerplate (const char *value)
{
  g_autofree char *lower = NULL;
  g_auto(GStrv) parts = NULL;

  if (value == NULL)
    return FALSE;
  lower = g_ascii_strdown (value, -1);
  for (guint i = 0; boilerplate_words[i] != NULL; i++)
    {
      if (strstr (lower, boilerplate_words[i]) != NULL)
        return TRUE;
    }
  parts = g_strsplit_set (lower, " \t\n\r\f-_", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (_byline_html_in_list (parts[i], boilerplate_parts))
        return TRUE;
    }
  return FALSE;
}

static gboolean
words_mark_body (const char *value)
{
  g_autoptr(GString) squeezed = NULL;

  if (value == NULL)
    return FALSE;
  squeezed = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p != '-' && *p != '_')
        g_string_append_c (squeezed, g_ascii_tolower (*p));
    }
  for (guint i = 0; body_markers[i] != NULL; i++)
    {
      if (strstr (squeezed->str, body_markers[i]) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
marks_body (xmlNode *node)
{
  g_autofree char *itemprop = _byline_html_get_attr (node, "itemprop");
  g_autofree char *klass = NULL;
  g_autofree char *id = NULL;

  if (itemprop != NULL && g_ascii_strcasecmp (g_strstrip (itemprop), "articleBody") == 0)
    return TRUE;
  klass = _byline_html_get_attr (node, "class");
  id = _byline_html_get_attr (node, "id");
  return words_mark_body (klass) || words_mark_body (id);
}

static gboolean
looks_boilerplate (xmlNode *node)
{
  g_autofree char *klass = NULL;
  g_autofree char *id = NULL;

  /* A page wrapper's class says little about the article inside it. */
  if (_byline_html_is_element (node, "html") || _byline_html_is_element (node, "body") ||
      _byline_html_is_element (node, "main") || _byline_html_is_element (node, "article") || marks_body (node))
    return FALSE;
  klass = _byline_html_get_attr (node, "class");
  id = _byline_html_get_attr (node, "id");
  return words_boilerplate (klass) || words_boilerplate (id);
}

static gboolean
is_credit_caption (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (content == NULL)
    return FALSE;
  text = _byline_html_collapse_spaces ((const char *) content);
  xmlFree (content);
  folded = g_utf8_strdown (text, -1);
  return has_prefix_in_list (folded, credit_prefixes) ||
         strstr (folded, "getty images") != NULL;
}

static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *role = _byline_html_get_attr (node, "role");
  g_autofree char *style = NULL;
  g_autofree char *lower = NULL;

  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;
  if (role != NULL && _byline_html_in_list (g_strstrip (role), ignored_roles))
    return TRUE;
  style = _byline_html_get_attr (node, "style");
  if (style == NULL)
    return FALSE;
  lower = g_ascii_strdown (style, -1);
  return strstr (lower, "display:none") != NULL || strstr (lower, "display: none") != NULL;
}

static gboolean
is_dropped (xmlNode  *node,
            gboolean  use_hints)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (_byline_html_element_in (node, dropped_tags) || is_hidden (node))
    return TRUE;
  if (_byline_html_is_element (node, "figcaption") && is_credit_caption (node))
    return TRUE;
  return use_hints && looks_boilerplate (node);
}

typedef struct
{
  GPtrArray *paragraphs;
  GString   *current;
  gboolean   after_br;
  gboolean   use_hints;
} Collector;

static void
collector_flush (Collector *c)
{
  g_autofree char *line = _byline_html_collapse_spaces (c->current->str);

  g_string_truncate (c->current, 0);
  c->after_br = FALSE;
  if (_byline_html_is_blank (line) || is_residue (line))
    return;
  g_ptr_array_add (c->paragraphs, g_steal_pointer (&line));
}

/* Returns whether to walk into @node. */
static gboolean
collector_enter (Collector *c,
                 xmlNode   *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      const char *content = (const char *) node->content;

      g_string_append (c->current, content != NULL ? content : "");
      for (const char *p = content; p != NULL && *p != '\0'; p++)
        {
          if (!is_html_space (*p))
            c->after_br = FALSE;
        }
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  /* One <br> is a line break inside a paragraph; two end the paragraph. */
  if (_byline_html_is_element (node, "br"))
    {
      if (c->after_br)
        {
          collector_flush (c);
          return FALSE;
        }
      g_string_append_c (c->current, ' ');
      c->after_br = TRUE;
      return FALSE;
    }
  if (_byline_html_element_in (node, block_tags))
    collector_flush (c);
  return !is_dropped (node, c->use_hints);
}

static void
collect_paragraphs (Collector *c,
                    xmlNode   *root)
{
  xmlNode *node = root->children;

  while (node != NULL)
    {
      if (collector_enter (c, node) && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          if (node != root && _byline_html_element_in (node, block_tags))
            collector_flush (c);
        }
      node = node != root ? node->next : NULL;
    }
  collector_flush (c);
}

/* The paragraphs of @roots joined by blank lines, or %NULL when empty. */
static char *
roots_text (GPtrArray *roots,
            gboolean   use_hints)
{
  g_autoptr(GString) current = g_string_new (NULL);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  Collector c = { paragraphs, current, FALSE, use_hints };

  for (guint i = 0; i < roots->len; i++)
    collect_paragraphs (&c, g_ptr_array_index (roots, i));
  if (paragraphs->len == 0)
    return NULL;
  g_ptr_array_add (paragraphs, NULL);
  return g_strjoinv ("\n\n", (char **) paragraphs->pdata);
}

static char *
element_text (xmlNode  *node,
              gboolean  use_hints)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();

  g_ptr_array_add (roots, node);
  return roots_text (roots, use_hints);
}

/* Text a paragraph holds outside links, so that lists of links score low. */
static gsize
paragraph_score (xmlNode  *p,
                 gboolean  use_hints)
{
  gsize score = 0;
  xmlNode *node = _byline_html_walk_next (p, p, FALSE);

  while (node != NULL)
    {
      gboolean skip = _byline_html_is_element (node, "a") || is_dropped (node, use_hints);

      if (node->type == XML_TEXT_NODE && node->content != NULL)
        {
          for (const char *s = (const char *) node->content; *s != '\0'; s++)
            score += is_html_space (*s) ? 0 : 1;
        }
      node = _byline_html_walk_next (node, p, skip);
    }
  return score;
}

typedef struct
{
  GPtrArray  *marked;    /* itemprop=articleBody, .article-body… */
  GPtrArray  *articles;
  GPtrArray  *scored;    /* containers of <p>, in document order */
  GHashTable *scores;    /* container → paragraph text */
} Candidates;

static void
add_score (Candidates *cands,
           xmlNode    *node,
           gsize       score)
{
  gpointer old;

  if (node == NULL || node->type != XML_ELEMENT_NODE || score == 0)
    return;
  if (!g_hash_table_lookup_extended (cands->scores, node, NULL, &old))
    {
      old = GSIZE_TO_POINTER (0);
      g_ptr_array_add (cands->scored, node);
    }
  g_hash_table_insert (cands->scores, node, GSIZE_TO_POINTER (GPOINTER_TO_SIZE (old) + score));
}

static void
find_candidates (Candidates *cands,
                 xmlNode    *root,
                 gboolean    use_hints)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean dropped = node != root && is_dropped (node, use_hints);

      if (!dropped && node->type == XML_ELEMENT_NODE)
        {
          if (marks_body (node))
            g_ptr_array_add (cands->marked, node);
          if (_byline_html_is_element (node, "article"))
            g_ptr_array_add (cands->articles, node);
          /* As Readability does: the parent gets a paragraph's text, the
           * grandparent half of it, so text split in wrappers still counts. */
          if (_byline_html_is_element (node, "p"))
            {
              gsize score = paragraph_score (node, use_hints);

              add_score (cands, node->parent, score);
              if (node->parent != NULL)
                add_score (cands, node->parent->parent, score / 2);
            }
        }
      node = _byline_html_walk_next (node, root, dropped);
    }
}

static char *
longest_text (GPtrArray *nodes,
              gboolean   use_hints)
{
  g_autofree char *best = NULL;

  for (guint i = 0; i < nodes->len; i++)
    {
      g_autofree char *text = element_text (g_ptr_array_index (nodes, i), use_hints);

      if (text != NULL && (best == NULL || strlen (text) > strlen (best)))
        {
          g_free (best);
          best = g_steal_pointer (&text);
        }
    }
  return g_steal_pointer (&best);
}

static char *
densest_text (GPtrArray  *scored,
              GHashTable *scores,
              gboolean    use_hints)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  xmlNode *best = NULL;
  gsize best_score = 0;

  for (guint i = 0; i < scored->len; i++)
    {
      xmlNode *node = g_ptr_array_index (scored, i);
      gsize score = GPOINTER_TO_SIZE (g_hash_table_lookup (scores, node));

      if (score > best_score)
        {
          best = node;
          best_score = score;
        }
    }
  if (best == NULL)
    return NULL;
  /* An advert slot often splits the story into sibling wrappers. */
  for (xmlNode *node = best->parent->children; node != NULL; node = node->next)
    {
      gsize score = GPOINTER_TO_SIZE (g_hash_table_lookup (scores, node));

      if (node == best || score * 5 >= best_score)
        g_ptr_array_add (roots, node);
    }
  return roots_text (roots, use_hints);
}

/* A marked article body, else the longest <article>, unless the densest
 * block of paragraphs holds far more text (a teaser marked up as an
 * article, say). */
static char *
extract_body (xmlDoc   *html,
              gboolean  use_hints)
{
  g_autoptr(GPtrArray) marked = g_ptr_array_new ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GPtrArray) scored = g_ptr_array_new ();
  g_autoptr(GHashTable) scores = g_hash_table_new (NULL, NULL);
  Candidates cands = { marked, articles, scored, scores };
  g_autofree char *main_text = NULL;
  g_autofree char *dense_text = NULL;

  find_candidates (&cands, xmlDocGetRootElement (html), use_hints);
  main_text = longest_text (marked, use_hints);
  if (main_text == NULL)
    main_text = longest_text (articles, use_hints);
  dense_text = densest_text (scored, scores, use_hints);
  if (main_text != NULL && (dense_text == NULL || strlen (main_text) * 4 >= strlen (dense_text)))
    return g_steal_pointer (&main_text);
  return g_steal_pointer (&dense_text);
}

static char *
plain_text_paragraphs (const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = _byline_html_collapse_spaces (lines[i]);

      if (!_byline_html_is_blank (line))
        g_ptr_array_add (paragraphs, g_steal_pointer (&line));
    }
  if (paragraphs->len == 0)
    return NULL;
  g_ptr_array_add (paragraphs, NULL);
  return g_strjoinv ("\n\n", (char **) paragraphs->pdata);
}

static char *
extract_text (xmlDoc   *html,
              PageMeta *meta)
{
  const char *ld_body = g_hash_table_lookup (meta->values, "ld:body");
  g_autofree char *text = extract_body (html, TRUE);
  g_autofree char *ld_text = NULL;

  /* Class names can mislead on odd pages: better all text than none. */
  if (text == NULL)
    text = extract_body (html, FALSE);
  /* A paywalled page may show a teaser and hide the story in JSON-LD. */
  ld_text = ld_body != NULL ? plain_text_paragraphs (ld_body) : NULL;
  if (ld_text != NULL && (text == NULL || strlen (text) * 2 < strlen (ld_text)))
    return g_steal_pointer (&ld_text);
  return g_steal_pointer (&text);
}

/* Decoding */

static char *
sniff_charset (const char *data,
               gsize       len)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (len, CHARSET_SCAN_BYTES));
  const char *p = head;
  const char *end;

  while ((p = strstr (p, "<meta")) != NULL && (end = strchr (p, '>')) != NULL)
    {
      const char *cs = g_strstr_len (p, end - p, "charset");

      if (cs != NULL)
        {
          cs += strlen ("charset");
          cs += strspn (cs, " \t\n\r\f");
          if (*cs == '=')
            {
              cs += 1 + strspn (cs + 1, " \t\n\r\f\"'");
              return g_strndup (cs, strspn (cs, "abcdefghijklmnopqrstuvwxyz0123456789-_.:"));
            }
        }
      p = end;
    }
  return NULL;
}

static const char *
charset_for_label (const char *label)
{
  /* A UTF-16 label in a page read as ASCII is a lie (WHATWG). */
  static const char * const utf8[] = {
    "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", NULL
  };
  /* Browsers read all of these as windows-1252, and so do pages. */
  static const char * const cp1252[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii",
    "ascii", "windows-1252", "cp1252", "x-cp1252", NULL
  };

  if (label == NULL || *label == '\0' || _byline_html_in_list (label, utf8))
    return "UTF-8";
  if (_byline_html_in_list (label, cp1252))
    return "WINDOWS-1252";
  return label;
}

/* Converts to UTF-8, replacing what cannot be converted with U+FFFD. */
static char *
convert_lossy (const char *data,
               gsize       len,
               const char *charset)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  g_autoptr(GString) out = NULL;
  char *in = (char *) data;
  gsize in_left = len;
  char buf[4096];

  if (cd == (GIConv) -1)
    return NULL;
  out = g_string_sized_new (len + len / 2);
  for (;;)
    {
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, in_left > 0 ? &in : NULL, &in_left, &o, &o_left);
      int saved = errno;

      g_string_append_len (out, buf, o - buf);
      if (r != (gsize) -1 && in_left == 0)
        break;
      if (r == (gsize) -1 && saved != E2BIG)
        {
          if (in_left == 0)
            break;
          g_string_append (out, "\xEF\xBF\xBD");
          in++;
          in_left--;
        }
    }
  g_iconv_close (cd);
  return g_utf8_make_valid (out->str, out->len);
}

static char *
decode_page (const char  *data,
             gsize        len,
             const char  *name,
             GError     **error)
{
  gsize skip = byline_import_skip_bom (data, len);
  g_autofree char *label = NULL;
  const char *charset = "UTF-8";
  char *text;

  if (len == skip)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE, _("%s: empty file"), name);
      return NULL;
    }
  if (skip == 0 && len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      text = convert_lossy (data + 2, len - 2, data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
      return text != NULL ? text : g_utf8_make_valid (data + 2, len - 2);
    }
  if (memchr (data, '\0', MIN (len, CHARSET_SCAN_BYTES)) != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("%s: binary data, not an HTML page"), name);
      return NULL;
    }
  if (skip == 0)
    {
      label = sniff_charset (data, len);
      charset = charset_for_label (label);
      /* Undeclared and not UTF-8: what browsers guess for old pages. */
      if (label == NULL && !g_utf8_validate_len (data, len, NULL))
        charset = "WINDOWS-1252";
    }
  if (strcmp (charset, "UTF-8") != 0 && (text = convert_lossy (data, len, charset)) != NULL)
    return text;
  return g_utf8_make_valid (data + skip, len - skip);
}

static xmlDoc *
parse_page (const char  *text,
            const char  *name,
            GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = htmlNewParserCtxt ();
  g_autoptr(xmlDoc) html = NULL;
  const char *message;

  if (ctxt == NULL || strlen (text) > G_MAXINT)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("%s: page too large"), name);
      return NULL;
    }
  /* Never NOENT or DTDLOAD: entities stay unexpanded and nothing is fetched.
   * The text is UTF-8 by now, so a <meta charset> must not re-decode it.
   * No NOBLANKS: it would drop the space in "<b>red</b> <i>car</i>". */
  html = htmlCtxtReadMemory (ctxt, text, (int) strlen (text), NULL, "UTF-8",
                             HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                             HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
  /* libxml2 stops on fatal errors only (too deep nesting): the rest of the
   * page is lost, so reading on would silently drop text. */
  message = ctxt->lastError.message;
  if (ctxt->disableSAX && message != NULL)
    {
      g_autofree char *copy = g_strchomp (g_strdup (message));

      if (strstr (copy, "depth") != NULL)
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                     _("%s: elements nested too deeply to read"), name);
      else
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                     _("%s: cannot parse the HTML: %s"), name, copy);
      return NULL;
    }
  if (html == NULL || xmlDocGetRootElement (html) == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("%s: no article text found"), name);
      return NULL;
    }
  return g_steal_pointer (&html);
}

/**
 * byline_html_import:
 * @data: the saved page's bytes
 * @len: their length
 * @filename: (nullable): named in errors and used for the id
 * @error: set when no article can be read from the page
 *
 * Keeps the article's text, one paragraph per block separated by blank
 * lines, and its title, source, URL, date, authors and language in the
 * document's meta. The charset is the page's own (<meta charset>), else
 * UTF-8; libxml2 parses with the network off and entities unexpanded.
 *
 * Returns: (transfer full) (nullable): the document
 */
BylineDocument *
byline_html_import (const char  *data,
                    gsize        len,
                    const char  *filename,
                    GError     **error)
{
  const char *name = filename != NULL ? filename : "<input>";
  g_auto(PageMeta) meta = { NULL, NULL, FALSE };
  g_autoptr(BylineDocument) doc = NULL;
  g_autoptr(xmlDoc) html = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  utf8 = decode_page (data, len, name, error);
  if (utf8 == NULL)
    return NULL;
  html = parse_page (utf8, name, error);
  if (html == NULL)
    return NULL;
  meta.values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  meta.authors = g_ptr_array_new_with_free_func (g_free);
  _byline_html_read_meta (&meta, html);
  text = extract_text (html, &meta);
  if (text == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("%s: no article text found"), name);
      return NULL;
    }
  doc = byline_document_new ();
  if (!byline_document_set_text (doc, text, -1, error))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }
  id = byline_import_document_id (filename);
  byline_document_set_id (doc, id);
  _byline_html_store_meta (doc, &meta);
  byline_import_record_source (doc, filename, "html", data, len);
  byline_document_mark_loaded (doc);
  return g_steal_pointer (&doc);
}
