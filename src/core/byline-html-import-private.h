/* byline-html-import-private.h: what the HTML import files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-html-import.c finds the article text and decodes the page;
 * byline-html-meta.c reads what the page says about itself.
 */
#pragma once

#include <libxml/HTMLparser.h>

#include "byline-document.h"

G_BEGIN_DECLS

/* What the page says about itself: the first value seen for each key
 * ("og:title", "canonical", "ld:headline"…), and every author. */
typedef struct
{
  GHashTable *values;
  GPtrArray  *authors;
  gboolean    ld_found;
} PageMeta;

/* byline-html-import.c */
gboolean
_byline_html_in_list (const char         *value,
                      const char * const *list);

char *
_byline_html_collapse_spaces (const char *str);

gboolean
_byline_html_is_blank (const char *str);

char *
_byline_html_get_attr (xmlNode    *node,
                       const char *name);

gboolean
_byline_html_is_element (xmlNode    *node,
                         const char *name);

gboolean
_byline_html_element_in (xmlNode            *node,
                         const char * const *list);

xmlNode *
_byline_html_walk_next (xmlNode  *node,
                        xmlNode  *root,
                        gboolean  skip_children);

/* byline-html-meta.c */
void
_byline_html_read_meta (PageMeta *meta,
                        xmlDoc   *html);

void
_byline_html_store_meta (BylineDocument *doc,
                         PageMeta       *meta);
G_END_DECLS
