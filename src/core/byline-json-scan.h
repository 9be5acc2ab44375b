/* byline-json-scan.h: the JSON tokens of the fast .byline.json reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by byline-json-scan.c (strings, numbers, values) and
 * byline-native-scan.c (the document). The small steps stay static
 * inline here: the scanner takes them for every token.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "byline-native-scan.h"

G_BEGIN_DECLS

typedef struct
{
  const guchar *p;
  const guchar *end;
  guint         depth;
  GString      *buf;    /* a decoded string, when it had escapes */
} Scan;

typedef struct
{
  gboolean is_int;
  gint64   i;
  double   d;
} Number;

/* byline-json-scan.c */
gboolean  _byline_json_read_string_span (Scan        *s,
                                         const char **str,
                                         gsize       *len);
gboolean  _byline_json_read_number      (Scan        *s,
                                         Number      *n);
gboolean  _byline_json_read_key         (Scan        *s,
                                         const char **key,
                                         gsize       *len);
JsonNode *_byline_json_read_node        (Scan        *s);
gboolean  _byline_json_skip_value       (Scan        *s);

static inline void
_byline_json_skip_ws (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

/* Skips white space, then takes @c if it comes next. */
static inline gboolean
_byline_json_take (Scan  *s,
                   guchar c)
{
  _byline_json_skip_ws (s);
  if (s->p < s->end && *s->p == c)
    {
      s->p++;
      return TRUE;
    }
  return FALSE;
}

/* White space, then the next byte without taking it (0 at the end). */
static inline guchar
_byline_json_peek (Scan *s)
{
  _byline_json_skip_ws (s);
  return s->p < s->end ? *s->p : 0;
}

/* The string at s->p, decoded and NUL-terminated, appended to @out. */
static inline gboolean
_byline_json_read_string_into (Scan    *s,
                               GString *out)
{
  const char *str;
  gsize len;

  if (!_byline_json_read_string_span (s, &str, &len))
    return FALSE;
  g_string_append_len (out, str, len);
  return TRUE;
}

static inline gboolean
_byline_json_enter (Scan  *s,
                    guchar c)
{
  if (!_byline_json_take (s, c))
    return FALSE;
  return ++s->depth <= BYLINE_NATIVE_SCAN_MAX_DEPTH;
}

/* After a member or element: TRUE with *more set when a ',' or the
 * closing @close follows. */
static inline gboolean
_byline_json_next_item (Scan     *s,
                        guchar    close,
                        gboolean *more)
{
  guchar c = _byline_json_peek (s);

  if (c == ',')
    {
      s->p++;
      *more = TRUE;
      return TRUE;
    }
  if (c == close)
    {
      s->p++;
      s->depth--;
      *more = FALSE;
      return TRUE;
    }
  return FALSE;
}

/* Right after '{' or '[': takes the closing @close when it comes at
 * once, an empty object or list. */
static inline gboolean
_byline_json_closes_at_once (Scan  *s,
                             guchar close)
{
  if (_byline_json_peek (s) != close)
    return FALSE;
  s->p++;
  s->depth--;
  return TRUE;
}

G_END_DECLS
