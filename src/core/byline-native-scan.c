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
 * tests/test-native-scan.c and test-native-scan-syntax.c hold both readers
 * to the same results.
 *
 * The JSON tokens (strings, numbers, values) and the pre-check are in
 * byline-json-scan.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "byline-document-private.h"
#include "byline-native.h"
#include "byline-native-scan.h"
#include "byline-json-scan.h"

/* ---- The document ------------------------------------------------------ */

#define KEY_IS(key, len, literal) \
  ((len) == sizeof (literal) - 1 && memcmp ((key), (literal), sizeof (literal) - 1) == 0)

/* The loop over an object's members that each reader below runs:
 *
 *   Members m = { 0 };
 *
 *   while (members_next (s, &m, &key, &len))
 *     {
 *       read the value of the member @key, or return FALSE
 *     }
 *   if (m.failed)
 *     return FALSE;
 *
 * The first call takes the '{', each later one what must follow the
 * value just read (a ',' or the closing '}'); then the next key and its
 * ':'. FALSE after the '}', or with m.failed when the JSON is not that. */
typedef struct
{
  gboolean started;
  gboolean failed;
} Members;

static inline gboolean
members_next (Scan        *s,
              Members     *m,
              const char **key,
              gsize       *len)
{
  gboolean more = FALSE;

  if (m->started)
    m->failed = !_byline_json_next_item (s, '}', &more);
  else
    {
      m->started = TRUE;
      m->failed = !_byline_json_enter (s, '{');
      more = !m->failed && !_byline_json_closes_at_once (s, '}');
    }
  if (m->failed || !more)
    return FALSE;
  m->failed = !_byline_json_read_key (s, key, len);
  return !m->failed;
}

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
  if (!_byline_json_read_string_into (s, b->arena))
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
  if (!_byline_json_read_string_span (s, &str, &len))
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

  _byline_json_skip_ws (s);
  if (!_byline_json_read_number (s, &n) || !n.is_int || n.i < 0 || n.i > G_MAXUINT / 2)
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
  if (!_byline_json_enter (s, '[') || _byline_json_closes_at_once (s, ']'))
    return FALSE;
  for (more = TRUE; more;)
    {
      BylineFragment f;

      if (!_byline_json_enter (s, '[') || !read_offset (s, &f.start) || !_byline_json_take (s, ',') ||
          !read_offset (s, &f.end) || !_byline_json_take (s, ']'))
        return FALSE;
      s->depth--;
      g_array_append_val (b->fragments, f);
      if (!_byline_json_next_item (s, ']', &more))
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
  Members m = { 0 };
  const char *key;
  gsize len;

  while (members_next (s, &m, &key, &len))
    {
      g_autofree char *name = g_strndup (key, len);
      g_autoptr(JsonNode) value = NULL;

      if ((value = _byline_json_read_node (s)) == NULL)
        return FALSE;
      /* Setting a name again replaces its value: the last one wins, as
       * when JSON-GLib builds the object. */
      if (annotation != NULL)
        byline_annotation_set_attribute (annotation, name, value);
      else
        byline_relation_set_attribute (relation, name, value);
    }
  return !m.failed;
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
  if ((value = _byline_json_read_node (s)) == NULL)
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
  Members m = { 0 };
  const char *key;
  gsize len;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      fields[i].at = -1;
      fields[i].direct = NULL;
    }
  g_string_truncate (b->arena, 0);

  while (members_next (s, &m, &key, &len))
    {
      gboolean ok;

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

          _byline_json_skip_ws (s);
          ok = !has_confidence && _byline_json_read_number (s, &n);
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
      if (!ok)
        return FALSE;
    }
  if (m.failed)
    return FALSE;

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
  Members m = { 0 };
  const char *key;
  gsize len;

  for (guint i = 0; i < N_RELATION_FIELDS; i++)
    {
      fields[i].at = -1;
      fields[i].direct = NULL;
    }
  g_string_truncate (b->arena, 0);

  while (members_next (s, &m, &key, &len))
    {
      gboolean ok;

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
      if (!ok)
        return FALSE;
    }
  if (m.failed)
    return FALSE;

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

  if (!_byline_json_enter (s, '['))
    return FALSE;
  more = !_byline_json_closes_at_once (s, ']');
  while (more)
    {
      if (_byline_json_peek (s) != '{' || !func (s, b) || !_byline_json_next_item (s, ']', &more))
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

  if (_byline_json_peek (s) != '{' || (node = _byline_json_read_node (s)) == NULL)
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
  Members m = { 0 };
  const char *key;
  gsize len;

  while (members_next (s, &m, &key, &len))
    {
      gboolean ok;

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
              ok = _byline_json_skip_value (s);
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
              ok = _byline_json_skip_value (s);
            }
        }
      else if (KEY_IS (key, len, "text"))
        {
          const char *str;
          gsize slen;

          /* No NUL inside (read_escape() refuses "\u0000"): the same as
           * the tree reader's byline_document_set_text (doc, str, -1). */
          ok = first_time (&seen, SEEN_TEXT) && _byline_json_read_string_span (s, &str, &slen) &&
               byline_document_set_text (b->doc, str, (gssize) slen, NULL);
        }
      else if (KEY_IS (key, len, "format"))
        {
          const char *str;
          gsize slen;

          ok = first_time (&seen, SEEN_FORMAT) && _byline_json_read_string_span (s, &str, &slen) &&
               KEY_IS (str, slen, "byline");
        }
      else if (KEY_IS (key, len, "version"))
        {
          Number n;

          _byline_json_skip_ws (s);
          ok = first_time (&seen, SEEN_VERSION) && _byline_json_read_number (s, &n) && n.is_int &&
               n.i >= 1 && n.i <= BYLINE_NATIVE_VERSION;
        }
      else if (KEY_IS (key, len, "id") || KEY_IS (key, len, "schema"))
        {
          gboolean is_id = len == 2;

          ok = first_time (&seen, is_id ? SEEN_ID : SEEN_SCHEMA) && _byline_json_peek (s) == '"';
          if (ok)
            {
              g_autoptr(GString) value = g_string_new (NULL);

              ok = _byline_json_read_string_into (s, value);
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
      if (!ok)
        return FALSE;
    }
  if (m.failed)
    return FALSE;
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
  _byline_json_skip_ws (&s);
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

