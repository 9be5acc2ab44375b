/* byline-native-scan.c: reading .byline.json without a JSON tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why a hand-written scanner: JSON-GLib has no pull or streaming parser,
 * only JsonParser, which turns the whole file into a tree of JsonNodes with
 * a GHashTable-backed JsonObject for every annotation; the reader then
 * walks the tree and frees it. On the benchmark article (13 MB, 50,000
 * annotations, 562,000 nodes; release build, tests/bench/bench-core.c)
 * parsing and freeing the tree alone took 440 ms of a 640 ms load: 0.8 µs
 * per node, most of it malloc and free. This scanner reads the JSON text
 * once and builds the document straight from the tokens: the same file
 * loads in 120 ms, about half of it the document's own work (annotation
 * objects, id table, span index, offset checks) that any reader pays.
 *
 * It is a strict RFC 8259 reader: no comments, single quotes or leading
 * zeros; every escape checked, surrogate pairs joined, lone surrogates and
 * "\u0000" refused; UTF-8 checked as it goes (so the whole-file check is
 * not needed); nesting limited to BYLINE_NATIVE_SCAN_MAX_DEPTH. And it only
 * takes files it reads exactly as the tree reader (byline-native.c) does:
 * on a syntax error, anything JSON-GLib reads its own way (comments, huge
 * integers, 1e400), a wrong type, a repeated key or any error in the
 * content, it declines, and byline_native_load_data() reads the file again
 * with the tree reader, whose messages are the reference. Good files are
 * fast; bad ones get the tree reader's reports, at the cost of reading
 * twice. Warnings (unknown labels...) do not make it decline: they come
 * from the functions the tree reader uses, in the same order.
 *
 * Free-form values (meta, attributes, unknown keys) are still built as
 * JsonNodes, member by member in file order as JsonParser builds them, so
 * that they are the same values and a load and save gives the same bytes.
 * tests/test-native-scan.c holds both readers to the same results.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "byline-document-private.h"
#include "byline-native.h"
#include "byline-native-scan.h"

/* ---- Tokens ------------------------------------------------------------- */

typedef struct
{
  const guchar *p;
  const guchar *end;
  guint         depth;
  GString      *buf;    /* a decoded string, when it had escapes */
} Scan;

/* Bytes that stand for themselves inside a JSON string: printable ASCII but
 * '"' and '\\'. Bytes from 0x80 start UTF-8 sequences, checked apart. */
#define ROW_CTRL 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
#define ROW_TEXT 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const guint8 plain[256] = {
  ROW_CTRL, ROW_CTRL,
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x22 '"' */
  ROW_TEXT, ROW_TEXT,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,  /* 0x5c '\\' */
  ROW_TEXT, ROW_TEXT,
  ROW_CTRL, ROW_CTRL, ROW_CTRL, ROW_CTRL, ROW_CTRL, ROW_CTRL, ROW_CTRL, ROW_CTRL,
};
#undef ROW_CTRL
#undef ROW_TEXT

static inline gboolean
is_continuation (guchar c)
{
  return (c & 0xC0) == 0x80;
}

/**
 * _byline_native_scan_utf8_char:
 * @p: at least one byte
 * @avail: how many bytes there are from @p on
 *
 * The rules of RFC 3629 (no overlong forms, no surrogates, nothing past
 * U+10FFFF), which are g_utf8_validate()'s: the scanner checks the UTF-8
 * of every string as it goes instead of the whole file first.
 *
 * Returns: the length of the valid UTF-8 character at @p, or 0 (also for
 *   NUL, which g_utf8_validate_len() refuses too)
 */
gsize
_byline_native_scan_utf8_char (const guchar *p,
                               gsize         avail)
{
  guchar c = p[0];
  gboolean ok;

  if (c < 0x80)
    return c != 0 ? 1 : 0;
  if (c < 0xC2)
    return 0;
  if (c < 0xE0)
    return avail >= 2 && is_continuation (p[1]) ? 2 : 0;
  if (c < 0xF0)
    {
      if (avail < 3 || !is_continuation (p[2]))
        return 0;
      if (c == 0xE0)
        ok = p[1] >= 0xA0 && p[1] <= 0xBF;
      else if (c == 0xED)
        ok = p[1] >= 0x80 && p[1] <= 0x9F;
      else
        ok = is_continuation (p[1]);
      return ok ? 3 : 0;
    }
  if (c < 0xF5)
    {
      if (avail < 4 || !is_continuation (p[2]) || !is_continuation (p[3]))
        return 0;
      if (c == 0xF0)
        ok = p[1] >= 0x90 && p[1] <= 0xBF;
      else if (c == 0xF4)
        ok = p[1] >= 0x80 && p[1] <= 0x8F;
      else
        ok = is_continuation (p[1]);
      return ok ? 4 : 0;
    }
  return 0;
}

static inline void
skip_ws (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

/* Skips white space, then takes @c if it comes next. */
static inline gboolean
take (Scan  *s,
      guchar c)
{
  skip_ws (s);
  if (s->p < s->end && *s->p == c)
    {
      s->p++;
      return TRUE;
    }
  return FALSE;
}

/* White space, then the next byte without taking it (0 at the end). */
static inline guchar
peek (Scan *s)
{
  skip_ws (s);
  return s->p < s->end ? *s->p : 0;
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Advances over the bytes of a string that need no decoding: printable
 * ASCII and whole valid UTF-8 characters. Stops at '"', '\\', a control
 * byte, bad UTF-8 or the end, where the caller looks. */
static inline void
skip_plain (Scan *s)
{
  const guchar *p = s->p;
  const guchar *end = s->end;

  for (;;)
    {
      gsize n;

      /* Eight bytes at a time while none of them needs a look: no byte
       * below 0x20 or from 0x80, no '"' and no '\\' (the usual "has a
       * zero byte" tricks; a false alarm only falls to the loop below). */
      while (end - p >= 8)
        {
          guint64 v, q, b;

          memcpy (&v, p, 8);
          q = v ^ ONES * '"';
          b = v ^ ONES * '\\';
          if (((v | ((v - ONES * 0x20) & ~v) | ((q - ONES) & ~q) | ((b - ONES) & ~b)) & HIGHS) != 0)
            break;
          p += 8;
        }
      while (p < end && plain[*p])
        p++;
      if (p == end || *p < 0x80)
        break;
      n = _byline_native_scan_utf8_char (p, (gsize) (end - p));
      if (n == 0)
        break;
      p += n;
    }
  s->p = p;
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u" at @p. */
static gboolean
read_hex4 (const guchar *p,
           const guchar *end,
           gunichar     *out)
{
  gunichar v = 0;

  if (end - p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return FALSE;
      v = (v << 4) | (gunichar) h;
    }
  *out = v;
  return TRUE;
}

/* Decodes the escape at s->p (a backslash) into @out. Refuses what RFC
 * 8259 does not allow, and also "\u0000", which JSON-GLib keeps in a
 * string that C then cuts short, and any lone surrogate. */
static gboolean
read_escape (Scan    *s,
             GString *out)
{
  const guchar *p = s->p + 1;
  gunichar u, low;

  if (p >= s->end)
    return FALSE;
  switch (*p)
    {
    case '"':
    case '\\':
    case '/':
      g_string_append_c (out, (char) *p);
      break;
    case 'b':
      g_string_append_c (out, '\b');
      break;
    case 'f':
      g_string_append_c (out, '\f');
      break;
    case 'n':
      g_string_append_c (out, '\n');
      break;
    case 'r':
      g_string_append_c (out, '\r');
      break;
    case 't':
      g_string_append_c (out, '\t');
      break;
    case 'u':
      if (!read_hex4 (p + 1, s->end, &u) || u == 0 || (u >= 0xDC00 && u <= 0xDFFF))
        return FALSE;
      p += 4;
      if (u >= 0xD800 && u <= 0xDBFF)
        {
          if (s->end - p < 3 || p[1] != '\\' || p[2] != 'u' ||
              !read_hex4 (p + 3, s->end, &low) || low < 0xDC00 || low > 0xDFFF)
            return FALSE;
          u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
          p += 6;
        }
      g_string_append_unichar (out, u);
      break;
    default:
      return FALSE;
    }
  s->p = p + 1;
  return TRUE;
}

/* Reads the string at s->p. Without escapes *str points into the input
 * (not NUL-terminated); with them, into s->buf, which the next string
 * overwrites. */
static gboolean
read_string_span (Scan        *s,
                  const char **str,
                  gsize       *len)
{
  const guchar *first;

  if (!take (s, '"'))
    return FALSE;
  first = s->p;
  skip_plain (s);
  if (s->p < s->end && *s->p == '"')
    {
      *str = (const char *) first;
      *len = (gsize) (s->p - first);
      s->p++;
      return TRUE;
    }

  g_string_truncate (s->buf, 0);
  g_string_append_len (s->buf, (const char *) first, s->p - first);
  for (;;)
    {
      const guchar *run;

      if (s->p >= s->end)
        return FALSE;
      if (*s->p == '"')
        break;
      if (*s->p != '\\' || !read_escape (s, s->buf))
        return FALSE;
      run = s->p;
      skip_plain (s);
      g_string_append_len (s->buf, (const char *) run, s->p - run);
    }
  s->p++;
  *str = s->buf->str;
  *len = s->buf->len;
  return TRUE;
}

/* The string at s->p, decoded and NUL-terminated, appended to @out. */
static gboolean
read_string_into (Scan    *s,
                  GString *out)
{
  const char *str;
  gsize len;

  if (!read_string_span (s, &str, &len))
    return FALSE;
  g_string_append_len (out, str, len);
  return TRUE;
}

typedef struct
{
  gboolean is_int;
  gint64   i;
  double   d;
} Number;

/* A number as JSON-GLib reads it: without fraction or exponent an int64,
 * else the double g_strtod() gives for the same digits. Declines integers
 * past 18 digits (JSON-GLib wraps them around) and doubles that overflow. */
static gboolean
read_number (Scan   *s,
             Number *n)
{
  const guchar *p = s->p;
  const guchar *end = s->end;
  const guchar *digits;
  gboolean negative = FALSE;
  gboolean is_int = TRUE;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  digits = p;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && *p >= '0' && *p <= '9')
      p++;
  else
    return FALSE;
  if (p < end && *p == '.')
    {
      is_int = FALSE;
      p++;
      if (p == end || *p < '0' || *p > '9')
        return FALSE;
      while (p < end && *p >= '0' && *p <= '9')
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      is_int = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || *p < '0' || *p > '9')
        return FALSE;
      while (p < end && *p >= '0' && *p <= '9')
        p++;
    }

  n->is_int = is_int;
  if (is_int)
    {
      gint64 v = 0;

      if (p - digits > 18)
        return FALSE;
      for (const guchar *q = digits; q < p; q++)
        v = v * 10 + (*q - '0');
      n->i = negative ? -v : v;
      n->d = (double) n->i;
    }
  else
    {
      char text[64];
      char *stop = NULL;
      gsize len = (gsize) (p - digits);

      if (len >= sizeof text)
        return FALSE;
      memcpy (text, digits, len);
      text[len] = '\0';
      n->d = g_ascii_strtod (text, &stop);
      if (stop != text + len || !isfinite (n->d))
        return FALSE;
      if (negative)
        n->d = -n->d;
    }
  s->p = p;
  return TRUE;
}

static gboolean
read_literal (Scan       *s,
              const char *word,
              gsize       len)
{
  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return FALSE;
  s->p += len;
  return TRUE;
}

static inline gboolean
enter (Scan  *s,
       guchar c)
{
  if (!take (s, c))
    return FALSE;
  return ++s->depth <= BYLINE_NATIVE_SCAN_MAX_DEPTH;
}

/* After a member or element: TRUE with *more set when a ',' or the
 * closing @close follows. */
static inline gboolean
next_item (Scan     *s,
           guchar    close,
           gboolean *more)
{
  guchar c = peek (s);

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
closes_at_once (Scan  *s,
                guchar close)
{
  if (peek (s) != close)
    return FALSE;
  s->p++;
  s->depth--;
  return TRUE;
}

/* A member's key and its ':'. The key is as read_string_span() gives it. */
static gboolean
read_key (Scan        *s,
          const char **key,
          gsize       *len)
{
  return read_string_span (s, key, len) && take (s, ':');
}

static JsonNode *read_node (Scan *s);

static gboolean
read_members (Scan       *s,
              JsonNode   *node,
              JsonObject *object)
{
  gboolean more = TRUE;

  more = !closes_at_once (s, '}');
  while (more)
    {
      g_autofree char *name = NULL;
      const char *key;
      gsize len;
      JsonNode *member;

      if (!read_key (s, &key, &len))
        return FALSE;
      name = g_strndup (key, len);
      member = read_node (s);
      if (member == NULL)
        return FALSE;
      json_node_set_parent (member, node);
      json_object_set_member (object, name, member);
      if (!next_item (s, '}', &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_elements (Scan      *s,
               JsonNode  *node,
               JsonArray *array)
{
  gboolean more = TRUE;

  more = !closes_at_once (s, ']');
  while (more)
    {
      JsonNode *element = read_node (s);

      if (element == NULL)
        return FALSE;
      json_node_set_parent (element, node);
      json_array_add_element (array, element);
      if (!next_item (s, ']', &more))
        return FALSE;
    }
  return TRUE;
}

/* Any value, built as JsonParser builds it: members set one by one in file
 * order (a repeated key keeps its first place and its last value), numbers
 * typed as JSON-GLib types them. NULL when the scanner declines. */
static JsonNode *
read_node (Scan *s)
{
  g_autoptr(JsonNode) node = NULL;
  Number n;

  switch (peek (s))
    {
    case '{':
      {
        g_autoptr(JsonObject) object = json_object_new ();

        if (!enter (s, '{'))
          return NULL;
        node = json_node_init_object (json_node_alloc (), object);
        if (!read_members (s, node, object))
          return NULL;
      }
      break;
    case '[':
      {
        g_autoptr(JsonArray) array = json_array_new ();

        if (!enter (s, '['))
          return NULL;
        node = json_node_init_array (json_node_alloc (), array);
        if (!read_elements (s, node, array))
          return NULL;
      }
      break;
    case '"':
      {
        const char *str;
        gsize len;

        if (!read_string_span (s, &str, &len))
          return NULL;
        if (str != s->buf->str)
          {
            g_string_truncate (s->buf, 0);
            g_string_append_len (s->buf, str, len);
          }
        node = json_node_init_string (json_node_alloc (), s->buf->str);
      }
      break;
    case 't':
      if (!read_literal (s, "true", 4))
        return NULL;
      node = json_node_init_boolean (json_node_alloc (), TRUE);
      break;
    case 'f':
      if (!read_literal (s, "false", 5))
        return NULL;
      node = json_node_init_boolean (json_node_alloc (), FALSE);
      break;
    case 'n':
      if (!read_literal (s, "null", 4))
        return NULL;
      node = json_node_init_null (json_node_alloc ());
      break;
    default:
      if (!read_number (s, &n))
        return NULL;
      node = n.is_int ? json_node_init_int (json_node_alloc (), n.i)
                      : json_node_init_double (json_node_alloc (), n.d);
      break;
    }
  return g_steal_pointer (&node);
}

/* Checks the value at s->p without keeping it. */
static gboolean
skip_value (Scan *s)
{
  gboolean more;
  const char *str;
  gsize len;
  Number n;

  switch (peek (s))
    {
    case '{':
      if (!enter (s, '{'))
        return FALSE;
      more = !closes_at_once (s, '}');
      while (more)
        {
          if (!read_key (s, &str, &len) || !skip_value (s) || !next_item (s, '}', &more))
            return FALSE;
        }
      return TRUE;
    case '[':
      if (!enter (s, '['))
        return FALSE;
      more = !closes_at_once (s, ']');
      while (more)
        {
          if (!skip_value (s) || !next_item (s, ']', &more))
            return FALSE;
        }
      return TRUE;
    case '"':
      return read_string_span (s, &str, &len);
    case 't':
      return read_literal (s, "true", 4);
    case 'f':
      return read_literal (s, "false", 5);
    case 'n':
      return read_literal (s, "null", 4);
    default:
      return read_number (s, &n);
    }
}

/* ---- The document ------------------------------------------------------ */

#define KEY_IS(key, len, literal) \
  ((len) == sizeof (literal) - 1 && memcmp ((key), (literal), sizeof (literal) - 1) == 0)

typedef struct
{
  BylineDocument *doc;
  BylineProblems *problems;   /* warnings, and errors that make it decline */
  GString        *arena;      /* one annotation's strings */
  GArray         *fragments;
  GPtrArray      *annotations;
  GByteArray     *id_given;   /* per annotation: the file gave its id */
  guint           n_relations;
} Build;

/* A string of the annotation being read, as an offset into the arena
 * (which may move while the annotation is read). */
typedef struct
{
  gssize      at;
  gsize       len;
  const char *direct;  /* read_text_field(): the bytes in the input */
} Field;

static gboolean
read_field (Scan   *s,
            Build  *b,
            Field  *field)
{
  if (field->at >= 0)
    return FALSE;  /* a repeated key */
  field->at = (gssize) b->arena->len;
  if (!read_string_into (s, b->arena))
    return FALSE;
  field->len = b->arena->len - (gsize) field->at;
  g_string_append_c (b->arena, '\0');
  return TRUE;
}

/* An annotation's "text" is only compared, and it is most of the file:
 * without escapes it stays where it is in the input, not NUL-terminated. */
static gboolean
read_text_field (Scan  *s,
                 Build *b,
                 Field *field)
{
  const char *str;
  gsize len;

  if (field->at >= 0 || field->direct != NULL)
    return FALSE;
  if (!read_string_span (s, &str, &len))
    return FALSE;
  if (str != s->buf->str)
    field->direct = str;
  else
    {
      field->at = (gssize) b->arena->len;
      g_string_append_len (b->arena, str, len);
    }
  field->len = len;
  return TRUE;
}

static inline const char *
field_str (Build *b,
           Field *field)
{
  if (field->direct != NULL)
    return field->direct;
  return field->at >= 0 ? b->arena->str + field->at : NULL;
}

/* An offset as the tree reader takes it: a whole number, 0 to G_MAXUINT / 2. */
static gboolean
read_offset (Scan  *s,
             guint *out)
{
  Number n;

  skip_ws (s);
  if (!read_number (s, &n) || !n.is_int || n.i < 0 || n.i > G_MAXUINT / 2)
    return FALSE;
  *out = (guint) n.i;
  return TRUE;
}

/* "fragments": a non-empty list of [start, end] pairs. */
static gboolean
read_fragments (Scan  *s,
                Build *b)
{
  gboolean more;

  g_array_set_size (b->fragments, 0);
  if (!enter (s, '[') || closes_at_once (s, ']'))
    return FALSE;
  for (more = TRUE; more;)
    {
      BylineFragment f;

      if (!enter (s, '[') || !read_offset (s, &f.start) || !take (s, ',') ||
          !read_offset (s, &f.end) || !take (s, ']'))
        return FALSE;
      s->depth--;
      g_array_append_val (b->fragments, f);
      if (!next_item (s, ']', &more))
        return FALSE;
    }
  return TRUE;
}

/* "attributes" of an annotation or a relation: an object. */
static gboolean
read_attributes (Scan             *s,
                 BylineAnnotation *annotation,
                 BylineRelation   *relation)
{
  gboolean more;

  if (!enter (s, '{'))
    return FALSE;
  more = !closes_at_once (s, '}');
  while (more)
    {
      g_autofree char *name = NULL;
      g_autoptr(JsonNode) value = NULL;
      const char *key;
      gsize len;

      if (!read_key (s, &key, &len))
        return FALSE;
      name = g_strndup (key, len);
      if ((value = read_node (s)) == NULL)
        return FALSE;
      /* Setting a name again replaces its value: the last one wins, as
       * when JSON-GLib builds the object. */
      if (annotation != NULL)
        byline_annotation_set_attribute (annotation, name, value);
      else
        byline_relation_set_attribute (relation, name, value);
      if (!next_item (s, '}', &more))
        return FALSE;
    }
  return TRUE;
}

/* A key Byline does not know, kept in *extra. */
static gboolean
read_extra (Scan        *s,
            const char  *key,
            gsize        len,
            JsonObject **extra)
{
  g_autofree char *name = g_strndup (key, len);
  JsonNode *value;

  if (*extra != NULL && json_object_has_member (*extra, name))
    return FALSE;
  if ((value = read_node (s)) == NULL)
    return FALSE;
  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, name, value);
  return TRUE;
}

enum {
  F_ID, F_LAYER, F_LABEL, F_TEXT, F_STATUS, F_ORIGIN, F_NOTE, F_CREATED, F_MODIFIED, F_REVIEWER, N_FIELDS
};

static gboolean
read_annotation (Scan  *s,
                 Build *b)
{
  g_autoptr(BylineAnnotation) annotation = byline_annotation_new (NULL, NULL, 0, 0);
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GError) error = NULL;
  Field fields[N_FIELDS];
  gboolean has_start = FALSE, has_end = FALSE, has_fragments = FALSE;
  gboolean has_confidence = FALSE, has_attributes = FALSE;
  guint start = 0, end = 0;
  double confidence = 0;
  BylineStatus status;
  gboolean more;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      fields[i].at = -1;
      fields[i].direct = NULL;
    }
  g_string_truncate (b->arena, 0);

  if (!enter (s, '{'))
    return FALSE;
  more = !closes_at_once (s, '}');
  while (more)
    {
      const char *key;
      gsize len;
      gboolean ok;

      if (!read_key (s, &key, &len))
        return FALSE;
      /* Most frequent first. */
      if (KEY_IS (key, len, "id"))
        ok = read_field (s, b, &fields[F_ID]);
      else if (KEY_IS (key, len, "layer"))
        ok = read_field (s, b, &fields[F_LAYER]);
      else if (KEY_IS (key, len, "label"))
        ok = read_field (s, b, &fields[F_LABEL]);
      else if (KEY_IS (key, len, "start"))
        {
          ok = !has_start && read_offset (s, &start);
          has_start = TRUE;
        }
      else if (KEY_IS (key, len, "end"))
        {
          ok = !has_end && read_offset (s, &end);
          has_end = TRUE;
        }
      else if (KEY_IS (key, len, "text"))
        ok = read_text_field (s, b, &fields[F_TEXT]);
      else if (KEY_IS (key, len, "status"))
        ok = read_field (s, b, &fields[F_STATUS]);
      else if (KEY_IS (key, len, "origin"))
        ok = read_field (s, b, &fields[F_ORIGIN]);
      else if (KEY_IS (key, len, "confidence"))
        {
          Number n;

          skip_ws (s);
          ok = !has_confidence && read_number (s, &n);
          if (ok)
            confidence = n.d;
          has_confidence = TRUE;
        }
      else if (KEY_IS (key, len, "created"))
        ok = read_field (s, b, &fields[F_CREATED]);
      else if (KEY_IS (key, len, "modified"))
        ok = read_field (s, b, &fields[F_MODIFIED]);
      else if (KEY_IS (key, len, "note"))
        ok = read_field (s, b, &fields[F_NOTE]);
      else if (KEY_IS (key, len, "reviewer"))
        ok = read_field (s, b, &fields[F_REVIEWER]);
      else if (KEY_IS (key, len, "fragments"))
        {
          ok = !has_fragments && read_fragments (s, b);
          has_fragments = TRUE;
        }
      else if (KEY_IS (key, len, "attributes"))
        {
          ok = !has_attributes && read_attributes (s, annotation, NULL);
          has_attributes = TRUE;
        }
      else
        ok = read_extra (s, key, len, &extra);
      if (!ok || !next_item (s, '}', &more))
        return FALSE;
    }

  /* What the tree reader reports as errors makes the scanner decline. */
  if (fields[F_LAYER].at < 0 || fields[F_LABEL].at < 0 ||
      (has_fragments && (has_start || has_end)) ||
      (!has_fragments && (!has_start || !has_end)))
    return FALSE;
  if (fields[F_STATUS].at >= 0)
    {
      if (!byline_status_from_string (field_str (b, &fields[F_STATUS]), &status))
        return FALSE;
      byline_annotation_set_status (annotation, status);
    }

  if (fields[F_ID].at >= 0)
    byline_annotation_set_id (annotation, field_str (b, &fields[F_ID]));
  if (fields[F_ORIGIN].at >= 0)
    byline_annotation_set_origin (annotation, field_str (b, &fields[F_ORIGIN]));
  if (has_confidence)
    byline_annotation_set_confidence (annotation, confidence);
  if (fields[F_NOTE].at >= 0)
    byline_annotation_set_note (annotation, field_str (b, &fields[F_NOTE]));
  if (fields[F_REVIEWER].at >= 0)
    byline_annotation_set_reviewer (annotation, field_str (b, &fields[F_REVIEWER]));
  if (fields[F_CREATED].at >= 0)
    byline_annotation_set_created (annotation, field_str (b, &fields[F_CREATED]));
  if (fields[F_MODIFIED].at >= 0)
    byline_annotation_set_modified (annotation, field_str (b, &fields[F_MODIFIED]));
  if (extra != NULL)
    byline_annotation_set_extra (annotation, extra);
  byline_annotation_set_layer (annotation, field_str (b, &fields[F_LAYER]));
  byline_annotation_set_label (annotation, field_str (b, &fields[F_LABEL]));
  if (has_fragments)
    byline_annotation_set_fragments (annotation, (BylineFragment *) (void *) b->fragments->data,
                                     b->fragments->len);
  else
    byline_annotation_set_range (annotation, start, end);

  if (!_byline_document_load_annotation (b->doc, g_object_ref (annotation), &error))
    return FALSE;
  if (field_str (b, &fields[F_TEXT]) != NULL &&
      !_byline_document_slice_equals (b->doc, annotation, field_str (b, &fields[F_TEXT]),
                                      fields[F_TEXT].len))
    return FALSE;

  g_ptr_array_add (b->annotations, annotation);
  g_byte_array_append (b->id_given, (const guint8[]) { fields[F_ID].at >= 0 }, 1);
  return TRUE;
}

enum {
  R_ID, R_TYPE, R_FROM, R_TO, R_STATUS, R_ORIGIN, N_RELATION_FIELDS
};

static gboolean
read_relation (Scan  *s,
               Build *b)
{
  g_autoptr(BylineRelation) relation = byline_relation_new (NULL, NULL, NULL);
  g_autoptr(JsonObject) extra = NULL;
  char where[32];
  Field fields[N_RELATION_FIELDS];
  gboolean has_attributes = FALSE;
  BylineStatus status;
  gboolean more;

  for (guint i = 0; i < N_RELATION_FIELDS; i++)
    {
      fields[i].at = -1;
      fields[i].direct = NULL;
    }
  g_string_truncate (b->arena, 0);

  if (!enter (s, '{'))
    return FALSE;
  more = !closes_at_once (s, '}');
  while (more)
    {
      const char *key;
      gsize len;
      gboolean ok;

      if (!read_key (s, &key, &len))
        return FALSE;
      if (KEY_IS (key, len, "id"))
        ok = read_field (s, b, &fields[R_ID]);
      else if (KEY_IS (key, len, "type"))
        ok = read_field (s, b, &fields[R_TYPE]);
      else if (KEY_IS (key, len, "from"))
        ok = read_field (s, b, &fields[R_FROM]);
      else if (KEY_IS (key, len, "to"))
        ok = read_field (s, b, &fields[R_TO]);
      else if (KEY_IS (key, len, "status"))
        ok = read_field (s, b, &fields[R_STATUS]);
      else if (KEY_IS (key, len, "origin"))
        ok = read_field (s, b, &fields[R_ORIGIN]);
      else if (KEY_IS (key, len, "attributes"))
        {
          ok = !has_attributes && read_attributes (s, NULL, relation);
          has_attributes = TRUE;
        }
      else
        ok = read_extra (s, key, len, &extra);
      if (!ok || !next_item (s, '}', &more))
        return FALSE;
    }

  if (fields[R_TYPE].at < 0 || fields[R_FROM].at < 0 || fields[R_TO].at < 0)
    return FALSE;
  if (fields[R_STATUS].at >= 0)
    {
      if (!byline_status_from_string (field_str (b, &fields[R_STATUS]), &status))
        return FALSE;
      byline_relation_set_status (relation, status);
    }
  if (fields[R_ID].at >= 0)
    byline_relation_set_id (relation, field_str (b, &fields[R_ID]));
  byline_relation_set_relation_type (relation, field_str (b, &fields[R_TYPE]));
  byline_relation_set_from (relation, field_str (b, &fields[R_FROM]));
  byline_relation_set_to (relation, field_str (b, &fields[R_TO]));
  if (fields[R_ORIGIN].at >= 0)
    byline_relation_set_origin (relation, field_str (b, &fields[R_ORIGIN]));
  if (extra != NULL)
    byline_relation_set_extra (relation, extra);

  /* A duplicate id is reported into b->problems, as an error. */
  g_snprintf (where, sizeof where, "relations[%u]", b->n_relations++);
  return _byline_document_load_relation (b->doc, g_steal_pointer (&relation), b->problems, where);
}

/* "annotations" or "relations": a list of objects. */
static gboolean
read_list (Scan   *s,
           Build  *b,
           gboolean (*func) (Scan *, Build *))
{
  gboolean more;

  if (!enter (s, '['))
    return FALSE;
  more = !closes_at_once (s, ']');
  while (more)
    {
      if (peek (s) != '{' || !func (s, b) || !next_item (s, ']', &more))
        return FALSE;
    }
  return TRUE;
}

/* A list met before what it needs ("annotations" before "text", say, as
 * a file with sorted keys has it): skipped now, read at the end. */
static gboolean
read_list_at (const guchar *at,
              Scan         *outer,
              Build        *b,
              gboolean    (*func) (Scan *, Build *))
{
  Scan s = { at, outer->end, 1, outer->buf };

  return read_list (&s, b, func);
}

/* Everything after the lists are read, in the tree reader's order:
 * labels against the schema, relation types, relation endpoints, the
 * labels relations join. */
static void
check_document (Build        *b,
                BylineSchema *schema)
{
  g_autoptr(BylineSchema) chosen = _byline_native_choose_schema (b->doc, schema, b->problems);
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < b->annotations->len; i++)
    {
      BylineAnnotation *a = b->annotations->pdata[i];

      _byline_native_check_label (chosen, reported, b->problems, i,
                                  b->id_given->data[i] ? byline_annotation_get_id (a) : NULL, a);
    }
  for (guint i = 0; i < byline_document_get_n_relations (b->doc); i++)
    {
      char where[32];

      g_snprintf (where, sizeof where, "relations[%u]", i);
      _byline_native_check_relation_type (chosen, b->problems, where,
                                          byline_document_get_relation (b->doc, i));
    }
  _byline_document_check_relations (b->doc, b->problems);
  _byline_native_check_relation_labels (b->doc, chosen, b->problems);
}

enum {
  SEEN_FORMAT = 1 << 0,
  SEEN_VERSION = 1 << 1,
  SEEN_TEXT = 1 << 2,
  SEEN_ID = 1 << 3,
  SEEN_SCHEMA = 1 << 4,
  SEEN_META = 1 << 5,
  SEEN_ATTRIBUTES = 1 << 6,
  SEEN_ANNOTATIONS = 1 << 7,
  SEEN_RELATIONS = 1 << 8,
};

/* Marks @flag seen; FALSE when it was already (a repeated key). */
static inline gboolean
first_time (guint *seen,
            guint  flag)
{
  if (*seen & flag)
    return FALSE;
  *seen |= flag;
  return TRUE;
}

/* "meta" or "attributes" of the document: an object, copied member by
 * member into @into. */
static gboolean
read_object_into (Scan       *s,
                  JsonObject *into)
{
  g_autoptr(JsonNode) node = NULL;

  if (peek (s) != '{' || (node = read_node (s)) == NULL)
    return FALSE;
  /* As the tree reader does: the members, in the order the object holds
   * them. */
  {
    JsonObjectIter iter;
    const char *key;
    JsonNode *value;

    json_object_iter_init_ordered (&iter, json_node_get_object (node));
    while (json_object_iter_next_ordered (&iter, &key, &value))
      json_object_set_member (into, key, json_node_copy (value));
  }
  return TRUE;
}

/* The root object. Lists that come before the text are read after it. */
static gboolean
read_root (Scan          *s,
           Build         *b,
           const guchar **annotations_at,
           const guchar **relations_at)
{
  g_autoptr(JsonObject) extra = NULL;
  guint seen = 0;
  gboolean annotations_read = FALSE;
  gboolean more;

  if (!enter (s, '{'))
    return FALSE;
  more = !closes_at_once (s, '}');
  while (more)
    {
      const char *key;
      gsize len;
      gboolean ok;

      if (!read_key (s, &key, &len))
        return FALSE;
      if (KEY_IS (key, len, "annotations"))
        {
          ok = first_time (&seen, SEEN_ANNOTATIONS);
          if (ok && (seen & SEEN_TEXT))
            {
              ok = read_list (s, b, read_annotation);
              annotations_read = TRUE;
            }
          else if (ok)
            {
              *annotations_at = s->p;
              ok = skip_value (s);
            }
        }
      else if (KEY_IS (key, len, "relations"))
        {
          ok = first_time (&seen, SEEN_RELATIONS);
          if (ok && annotations_read)
            ok = read_list (s, b, read_relation);
          else if (ok)
            {
              *relations_at = s->p;
              ok = skip_value (s);
            }
        }
      else if (KEY_IS (key, len, "text"))
        {
          const char *str;
          gsize slen;

          /* No NUL inside (read_escape() refuses "\u0000"): the same as
           * the tree reader's byline_document_set_text (doc, str, -1). */
          ok = first_time (&seen, SEEN_TEXT) && read_string_span (s, &str, &slen) &&
               byline_document_set_text (b->doc, str, (gssize) slen, NULL);
        }
      else if (KEY_IS (key, len, "format"))
        {
          const char *str;
          gsize slen;

          ok = first_time (&seen, SEEN_FORMAT) && read_string_span (s, &str, &slen) &&
               KEY_IS (str, slen, "byline");
        }
      else if (KEY_IS (key, len, "version"))
        {
          Number n;

          skip_ws (s);
          ok = first_time (&seen, SEEN_VERSION) && read_number (s, &n) && n.is_int &&
               n.i >= 1 && n.i <= BYLINE_NATIVE_VERSION;
        }
      else if (KEY_IS (key, len, "id") || KEY_IS (key, len, "schema"))
        {
          gboolean is_id = len == 2;

          ok = first_time (&seen, is_id ? SEEN_ID : SEEN_SCHEMA) && peek (s) == '"';
          if (ok)
            {
              g_autoptr(GString) value = g_string_new (NULL);

              ok = read_string_into (s, value);
              if (ok && is_id)
                byline_document_set_id (b->doc, value->str);
              else if (ok)
                byline_document_set_schema_name (b->doc, value->str);
            }
        }
      else if (KEY_IS (key, len, "meta"))
        ok = first_time (&seen, SEEN_META) && read_object_into (s, byline_document_get_meta (b->doc));
      else if (KEY_IS (key, len, "attributes"))
        ok = first_time (&seen, SEEN_ATTRIBUTES) &&
             read_object_into (s, byline_document_get_attributes (b->doc));
      else
        ok = read_extra (s, key, len, &extra);
      if (!ok || !next_item (s, '}', &more))
        return FALSE;
    }
  if ((seen & (SEEN_FORMAT | SEEN_VERSION | SEEN_TEXT)) != (SEEN_FORMAT | SEEN_VERSION | SEEN_TEXT))
    return FALSE;
  _byline_document_set_extra (b->doc, extra);
  return TRUE;
}

/**
 * _byline_native_scan:
 * @problems: (nullable): receives the warnings when the file is read
 *
 * Reads a .byline.json file straight from its text, or declines: see the
 * top of this file.
 *
 * Returns: (transfer full) (nullable): the document, marked loaded, or
 *   %NULL when the tree reader must read the file; then nothing was added
 *   to @problems
 */
BylineDocument *
_byline_native_scan (const char     *data,
                     gsize           len,
                     BylineSchema   *schema,
                     BylineProblems *problems)
{
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(BylineProblems) found = byline_problems_new ();
  g_autoptr(GString) buf = g_string_new (NULL);
  g_autoptr(GString) arena = g_string_new (NULL);
  g_autoptr(GArray) fragments = g_array_new (FALSE, FALSE, sizeof (BylineFragment));
  g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
  g_autoptr(GByteArray) id_given = g_byte_array_new ();
  Build b = { doc, found, arena, fragments, annotations, id_given, 0 };
  Scan s = { NULL, NULL, 0, buf };
  const guchar *annotations_at = NULL;
  const guchar *relations_at = NULL;

  if (len == 0)
    return NULL;
  s.p = (const guchar *) data;
  s.end = s.p + len;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    s.p += 3;
  if (!read_root (&s, &b, &annotations_at, &relations_at))
    return NULL;
  skip_ws (&s);
  if (s.p != s.end)
    return NULL;
  if (annotations_at != NULL && !read_list_at (annotations_at, &s, &b, read_annotation))
    return NULL;
  if (relations_at != NULL && !read_list_at (relations_at, &s, &b, read_relation))
    return NULL;

  check_document (&b, schema);
  if (byline_problems_get_n_errors (found) > 0)
    return NULL;
  for (guint i = 0; problems != NULL && i < byline_problems_get_n (found); i++)
    {
      const BylineProblem *p = byline_problems_get (found, i);

      byline_problems_add (problems, p->severity, p->code, p->location, "%s", p->message);
    }
  byline_document_mark_loaded (doc);
  return g_steal_pointer (&doc);
}

/* Where the pre-check found a problem: line and column (in characters)
 * from 1. */
static void
locate (const guchar *line_start,
        guint         line,
        const guchar *p,
        guint        *line_out,
        guint        *column_out)
{
  *line_out = line;
  *column_out = (guint) g_utf8_strlen ((const char *) line_start, p - line_start) + 1;
}

/* Checks the escape at @p (a backslash in a string): a "\u" escape must
 * not be NUL or half a surrogate pair. Returns where the escape ends, or
 * NULL with *kind and *unit set. */
static const guchar *
precheck_escape (const guchar        *p,
                 const guchar        *end,
                 BylineNativePrecheck *kind,
                 gunichar             *unit)
{
  gunichar u, low;

  if (end - p < 2 || p[1] != 'u' || !read_hex4 (p + 2, end, &u))
    return MIN (p + 2, end);  /* JSON-GLib judges the others */
  if (u >= 0xD800 && u <= 0xDBFF && end - p >= 12 && p[6] == '\\' && p[7] == 'u' &&
      read_hex4 (p + 8, end, &low) && low >= 0xDC00 && low <= 0xDFFF)
    return p + 12;
  if (u == 0 || (u >= 0xD800 && u <= 0xDFFF))
    {
      *kind = u == 0 ? BYLINE_NATIVE_PRECHECK_NUL : BYLINE_NATIVE_PRECHECK_LONE_SURROGATE;
      *unit = u;
      return NULL;
    }
  return p + 6;
}

/**
 * _byline_native_scan_precheck:
 * @line: (out): where the problem is, from 1
 * @column: (out): in characters, from 1
 * @unit: (out): the escaped value, for a lone surrogate
 *
 * What the tree reader checks before JSON-GLib 1.6 reads @data, in one
 * pass: nesting deeper than %BYLINE_NATIVE_SCAN_MAX_DEPTH (JSON-GLib
 * recurses once per level without a limit and overflows the stack some
 * 60,000 levels down), a
 * lone surrogate (JSON-GLib turns it into invalid UTF-8 or swallows the
 * character after it) and "\u0000" (JSON-GLib keeps a string that C then
 * cuts short). Comments and single-quoted strings are skipped as
 * JSON-GLib's own scanner skips them. @data must be valid UTF-8.
 *
 * Returns: the first problem, in file order
 */
BylineNativePrecheck
_byline_native_scan_precheck (const char *data,
                              gsize       len,
                              guint      *line,
                              guint      *column,
                              gunichar   *unit)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + len;
  const guchar *line_start = p;
  guint lines = 1;
  guint depth = 0;
  BylineNativePrecheck kind = BYLINE_NATIVE_PRECHECK_OK;

  *unit = 0;
  while (p < end)
    {
      const guchar *at = p;

      switch (*p)
        {
        case '"':
          for (p++; p < end && *p != '"';)
            {
              if (*p == '\\')
                {
                  at = p;
                  if ((p = precheck_escape (p, end, &kind, unit)) == NULL)
                    {
                      locate (line_start, lines, at, line, column);
                      return kind;
                    }
                  continue;
                }
              if (*p == '\n')
                {
                  lines++;
                  line_start = p + 1;
                }
              p++;
            }
          p++;
          break;
        case '\'':
          /* JSON-GLib's single-quoted strings have no escapes. */
          for (p++; p < end && *p != '\''; p++)
            {
              if (*p == '\n')
                {
                  lines++;
                  line_start = p + 1;
                }
            }
          p++;
          break;
        case '/':
          if (end - p >= 2 && p[1] == '/')
            {
              while (p < end && *p != '\n')
                p++;
            }
          else if (end - p >= 2 && p[1] == '*')
            {
              for (p += 2; p < end && !(*p == '*' && end - p >= 2 && p[1] == '/'); p++)
                {
                  if (*p == '\n')
                    {
                      lines++;
                      line_start = p + 1;
                    }
                }
              p += 2;
            }
          else
            p++;
          break;
        case '\n':
          lines++;
          line_start = ++p;
          break;
        case '[':
        case '{':
          if (++depth > BYLINE_NATIVE_SCAN_MAX_DEPTH)
            {
              locate (line_start, lines, at, line, column);
              return BYLINE_NATIVE_PRECHECK_TOO_DEEP;
            }
          p++;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          p++;
          break;
        default:
          p++;
          break;
        }
    }
  return BYLINE_NATIVE_PRECHECK_OK;
}
