/* byline-conll.c: CoNLL columns and Hugging Face token classification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CoNLL 2003 as written here:
 *
 *   -DOCSTART- -X- -X- O
 *   <blank>
 *   "	_	_	O            token TAB _ TAB _ TAB tag, one token a line
 *   We	_	_	O
 *   …
 *   <blank>                 after every sentence
 *   -DOCSTART- -X- -X- O    before every document
 *
 * One layer is tagged (the options' layer, "entities" by default), in
 * IOB2, IOB1 or BIOES. Tags cannot overlap: of overlapping spans the outer
 * one (the longest, then the earliest) is kept. A span never crosses a
 * sentence break: sentences that one would cross are written as one.
 * CoNLL has no document ids: the reader names documents FILE-1, FILE-2…
 * unless a "# id = NAME" comment (which some tools write) names them.
 *
 * Reading takes what other tools write: columns separated by tabs or
 * spaces, the token first and the tag last; IOB1, IOB2, BIOES and BILOU
 * tags alike (an I- after O or after another label starts a chunk, E- and
 * S- close one); "#" comments ("# id = NAME" names the document, CoNLL-U's
 * "# newdoc" starts one; a "#" with no blank after it is a hashtag token);
 * CRLF, a BOM and trailing blank lines; files with or without -DOCSTART-
 * (without, the file is one document). Lines numbered from 1 in each
 * sentence (GermEval 2014, CoNLL-U) have the token second; when such a
 * line has four columns and the third is a tag too (GermEval's outer and
 * nested entities), both columns are read. A document's text is its tokens
 * joined by single spaces, its sentences joined by newlines.
 *
 * Hugging Face: one JSON line a document, {"id", "tokens", "ner_tags"},
 * and labels.json beside it with the tag names in id order: "O", then
 * B- and I- (and E-, S- in BIOES) of each label of the layer in schema
 * order, then those of labels the schema does not have, as met.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-document-private.h"
#include "byline-error.h"
#include "byline-format-private.h"
#include "byline-import.h"
#include "byline-json-writer.h"
#include "byline-token-align.h"

#define DOCSTART "-DOCSTART-"

/* ---- Tags --------------------------------------------------------------- */

/* Splits "B-PER" into 'B' and "PER"; "O" is 'O'. BILOU's L- and U- are
 * BIOES's E- and S-. Returns FALSE for anything else. */
static gboolean
parse_tag (const char  *tag,
           char        *prefix,
           const char **label)
{
  if (strcmp (tag, "O") == 0)
    {
      *prefix = 'O';
      *label = NULL;
      return TRUE;
    }
  if (tag[0] == '\0' || strchr ("BIESLU", tag[0]) == NULL || tag[1] != '-' || tag[2] == '\0')
    return FALSE;
  *prefix = tag[0] == 'L' ? 'E' : tag[0] == 'U' ? 'S' : tag[0];
  *label = tag + 2;
  return TRUE;
}

/* The tag prefix of token @t, which has a label: @starts and @ends say
 * whether it starts or ends its chunk, @same_before whether the token just
 * before it (in its sentence) ends a chunk of the same label. */
static char
tag_prefix (BylineTagScheme scheme,
            gboolean        starts,
            gboolean        ends,
            gboolean        same_before)
{
  switch (scheme)
    {
    case BYLINE_TAG_SCHEME_IOB1:
      return starts && same_before ? 'B' : 'I';
    case BYLINE_TAG_SCHEME_BIOES:
      if (starts)
        return ends ? 'S' : 'B';
      return ends ? 'E' : 'I';
    case BYLINE_TAG_SCHEME_IOB2:
    default:
      return starts ? 'B' : 'I';
    }
}

/* ---- Writing: shared by CoNLL and Hugging Face ------------------------- */

typedef struct
{
  const char *label;   /* NULL outside chunks */
  gboolean    starts;
  gboolean    ends;
} TokenTag;

static const char *
writer_layer (BylineWriter *writer)
{
  const BylineFormatOptions *options = byline_writer_get_options (writer);

  return options->layer != NULL ? options->layer : "entities";
}

static void
lose_annotation_extras (BylineWriter     *writer,
                        BylineAnnotation *a)
{
  const char *label = byline_annotation_get_label (a);
  double confidence;

  for (guint i = 0; i < byline_annotation_get_n_attributes (a); i++)
    byline_writer_lose (writer, N_("attributes"), byline_annotation_get_attribute_name (a, i), 1);
  if (byline_annotation_get_note (a) != NULL)
    byline_writer_lose (writer, N_("notes"), label, 1);
  if (byline_annotation_get_confidence (a, &confidence))
    byline_writer_lose (writer, N_("confidence scores"), label, 1);
  if (byline_annotation_get_n_fragments (a) > 1)
    byline_writer_lose (writer, N_("discontinuous annotations split into fragments"), label, 1);
}

/* Aligns the tokens of @doc with the spans of the writer's layer, counting
 * everything a tag column cannot hold, and tags the tokens. */
static BylineTokenAlignment *
align_and_tag (BylineWriter    *writer,
               BylineDocument  *doc,
               BylineAlignFlags flags,
               TokenTag       **tags)
{
  g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (doc);
  g_autoptr(GPtrArray) tagged = g_ptr_array_sized_new (sorted->len);
  const char *layer = writer_layer (writer);
  BylineTokenAlignment *align;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  TokenTag *tag;

  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      const char *label = byline_annotation_get_label (a);

      if (strcmp (byline_annotation_get_layer (a), layer) != 0)
        {
          byline_writer_lose (writer, N_("annotations outside the exported layer"), label, 1);
          continue;
        }
      switch (byline_annotation_get_status (a))
        {
        case BYLINE_STATUS_REJECTED:
          byline_writer_lose (writer, N_("rejected annotations (not tagged)"), label, 1);
          continue;
        case BYLINE_STATUS_SUGGESTED:
          byline_writer_lose (writer, N_("suggestion statuses (tagged like manual spans)"), label, 1);
          break;
        case BYLINE_STATUS_MANUAL:
        case BYLINE_STATUS_ACCEPTED:
        default:
          break;
        }
      lose_annotation_extras (writer, a);
      g_ptr_array_add (tagged, a);
    }
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    byline_writer_lose (writer, N_("relations"),
                        byline_relation_get_relation_type (byline_document_get_relation (doc, i)), 1);
  json_object_iter_init (&iter, byline_document_get_attributes (doc));
  while (json_object_iter_next (&iter, &key, &value))
    byline_writer_lose (writer, N_("document attributes"), key, 1);

  align = byline_token_alignment_new (doc, tagged, flags | BYLINE_ALIGN_NO_OVERLAPS);

  tag = g_new0 (TokenTag, align->tokens->len + 1);
  for (guint i = 0; i < align->spans->len; i++)
    {
      const BylineAlignedSpan *span = &g_array_index (align->spans, BylineAlignedSpan, i);
      const char *label = byline_annotation_get_label (span->annotation);

      switch (span->dropped)
        {
        case BYLINE_SPAN_DROPPED_WHITESPACE:
          byline_writer_lose (writer, N_("spans of whitespace only (left out)"), label, 1);
          continue;
        case BYLINE_SPAN_DROPPED_OVERLAP:
          byline_writer_lose (writer, N_("overlapping spans (the outer one was kept)"), label, 1);
          continue;
        case BYLINE_SPAN_KEPT:
        default:
          break;
        }
      if (span->moved)
        byline_writer_lose (writer, N_("span edges moved off whitespace"), label, 1);
      for (guint t = span->token_start; t <= span->token_end; t++)
        tag[t].label = label;
      tag[span->token_start].starts = TRUE;
      tag[span->token_end].ends = TRUE;
    }
  *tags = tag;
  return align;
}

static inline gboolean
same_before (const TokenTag *tag,
             guint           t,
             guint           first)
{
  return t > first && tag[t - 1].label != NULL && strcmp (tag[t - 1].label, tag[t].label) == 0;
}

/* ---- CoNLL writer ------------------------------------------------------- */

static gboolean
write_conll (BylineWriter    *writer,
             BylineDocument  *doc,
             GError         **error)
{
  g_autoptr(BylineTokenAlignment) align = NULL;
  g_autofree TokenTag *tag = NULL;
  BylineTagScheme scheme = byline_writer_get_options (writer)->scheme;
  const char *text = byline_document_get_text (doc);
  GString *out;
  gboolean ok;

  if (byline_document_get_id (doc) != NULL)
    byline_writer_lose (writer, N_("document ids (CoNLL has none)"), NULL, 1);
  align = align_and_tag (writer, doc, BYLINE_ALIGN_SENTENCES, &tag);

  out = g_string_sized_new (byline_document_get_text_bytes (doc) + align->tokens->len * 16 + 64);
  g_string_append (out, DOCSTART " -X- -X- O\n\n");
  for (guint k = 0; k < align->sentences->len; k++)
    {
      const BylineAlignedSentence *s = &g_array_index (align->sentences, BylineAlignedSentence, k);

      for (guint t = s->token_start; t < s->token_end; t++)
        {
          const BylineAlignedToken *tok = &g_array_index (align->tokens, BylineAlignedToken, t);

          g_string_append_len (out, text + tok->start_byte, tok->end_byte - tok->start_byte);
          g_string_append (out, "\t_\t_\t");
          if (tag[t].label == NULL)
            g_string_append_c (out, 'O');
          else
            {
              g_string_append_c (out, tag_prefix (scheme, tag[t].starts, tag[t].ends,
                                                  same_before (tag, t, s->token_start)));
              g_string_append_c (out, '-');
              g_string_append (out, tag[t].label);
            }
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }
  ok = byline_writer_write_bytes (writer, out->str, out->len, error);
  g_string_free (out, TRUE);
  return ok;
}

static const BylineWriterClass conll_class = { write_conll, NULL, NULL };

static BylineWriter *
open_conll (const BylineFormat        *format,
            const char                *path,
            const BylineFormatOptions *options,
            GError                   **error)
{
  return byline_writer_new_file (format, path, options, FALSE, &conll_class, NULL, error);
}

/* ---- Hugging Face writer ------------------------------------------------ */

static inline void
append_uint (GString *out,
             guint    value)
{
  char buf[16];
  char *p = buf + sizeof buf;

  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  g_string_append_len (out, p, buf + sizeof buf - p);
}

typedef struct
{
  GPtrArray  *own_names;  /* when the options share none */
  GPtrArray  *names;      /* the tag names in id order: shared or own */
  GHashTable *ids;        /* name -> id + 1, for names[0 .. n_indexed) */
  guint       n_indexed;
} HfWriter;

static void
hf_writer_free (gpointer data)
{
  HfWriter *hf = data;

  g_clear_pointer (&hf->own_names, g_ptr_array_unref);
  g_clear_pointer (&hf->ids, g_hash_table_unref);
  g_free (hf);
}

static void
add_label_tags (GPtrArray       *names,
                const char      *label,
                BylineTagScheme  scheme)
{
  g_ptr_array_add (names, g_strconcat ("B-", label, NULL));
  g_ptr_array_add (names, g_strconcat ("I-", label, NULL));
  if (scheme == BYLINE_TAG_SCHEME_BIOES)
    {
      g_ptr_array_add (names, g_strconcat ("E-", label, NULL));
      g_ptr_array_add (names, g_strconcat ("S-", label, NULL));
    }
}

/* The id of a tag name. Another writer of the same split may have added
 * names to the shared array since: those are indexed first, so that the
 * ids agree. An unknown name brings in all the tags of its @label (%NULL
 * for "O"). */
static guint
hf_tag_id (HfWriter        *hf,
           const char      *name,
           const char      *label,
           BylineTagScheme  scheme)
{
  gpointer found;

  for (guint round = 0;; round++)
    {
      for (; hf->n_indexed < hf->names->len; hf->n_indexed++)
        {
          const char *known = hf->names->pdata[hf->n_indexed];

          if (!g_hash_table_contains (hf->ids, known))
            g_hash_table_insert (hf->ids, (gpointer) known, GUINT_TO_POINTER (hf->n_indexed + 1));
        }
      found = g_hash_table_lookup (hf->ids, name);
      if (found != NULL)
        return GPOINTER_TO_UINT (found) - 1;
      g_assert (round == 0);
      if (label == NULL)
        g_ptr_array_add (hf->names, g_strdup (name));
      else
        add_label_tags (hf->names, label, scheme);
    }
}

static gboolean
write_hf (BylineWriter    *writer,
          BylineDocument  *doc,
          GError         **error)
{
  HfWriter *hf = byline_writer_get_data (writer);
  g_autoptr(BylineTokenAlignment) align = NULL;
  g_autofree TokenTag *tag = NULL;
  g_autofree guint *ids = NULL;
  BylineTagScheme scheme = byline_writer_get_options (writer)->scheme;
  const char *text = byline_document_get_text (doc);
  const char *id = byline_document_get_id (doc);
  g_autofree char *own_id = NULL;
  guint n_tokens;
  GString *out;
  GString *name;
  gboolean ok;

  align = align_and_tag (writer, doc, BYLINE_ALIGN_DEFAULT, &tag);
  n_tokens = align->tokens->len;

  ids = g_new (guint, n_tokens + 1);
  name = g_string_new (NULL);
  for (guint t = 0; t < n_tokens; t++)
    {
      if (tag[t].label == NULL)
        {
          ids[t] = hf_tag_id (hf, "O", NULL, scheme);
          continue;
        }
      g_string_truncate (name, 0);
      g_string_append_c (name, tag_prefix (scheme, tag[t].starts, tag[t].ends, same_before (tag, t, 0)));
      g_string_append_c (name, '-');
      g_string_append (name, tag[t].label);
      ids[t] = hf_tag_id (hf, name->str, tag[t].label, scheme);
    }
  g_string_free (name, TRUE);

  if (id == NULL)
    id = own_id = g_strdup_printf ("doc-%u", byline_writer_get_n_written (writer) + 1);
  out = g_string_sized_new (byline_document_get_text_bytes (doc) + n_tokens * 10 + 64);
  g_string_append (out, "{\"id\": ");
  byline_json_append_string (out, id);
  g_string_append (out, ", \"tokens\": [");
  for (guint t = 0; t < n_tokens; t++)
    {
      const BylineAlignedToken *tok = &g_array_index (align->tokens, BylineAlignedToken, t);

      if (t > 0)
        g_string_append (out, ", ");
      g_string_append_c (out, '"');
      byline_json_append_escaped (out, text + tok->start_byte, tok->end_byte - tok->start_byte);
      g_string_append_c (out, '"');
    }
  g_string_append (out, "], \"ner_tags\": [");
  for (guint t = 0; t < n_tokens; t++)
    {
      if (t > 0)
        g_string_append (out, ", ");
      append_uint (out, ids[t]);
    }
  g_string_append (out, "]}\n");
  ok = byline_writer_write_bytes (writer, out->str, out->len, error);
  g_string_free (out, TRUE);
  return ok;
}

/* labels.json beside the data, then the data. */
static gboolean
finish_hf (BylineWriter  *writer,
           GError       **error)
{
  HfWriter *hf = byline_writer_get_data (writer);
  g_autofree char *dir = g_path_get_dirname (byline_writer_get_path (writer));
  g_autofree char *path = g_build_filename (dir, "labels.json", NULL);
  GString *out = g_string_new ("[");
  gboolean ok;

  for (guint i = 0; i < hf->names->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      byline_json_append_string (out, hf->names->pdata[i]);
    }
  g_string_append (out, "]\n");
  ok = byline_atomic_write (path, out->str, out->len, FALSE, error) &&
       byline_writer_commit_file (writer, error);
  g_string_free (out, TRUE);
  return ok;
}

static const BylineWriterClass hf_class = { write_hf, finish_hf, hf_writer_free };

static BylineWriter *
open_hf (const BylineFormat        *format,
         const char                *path,
         const BylineFormatOptions *options,
         GError                   **error)
{
  HfWriter *hf = g_new0 (HfWriter, 1);
  const char *layer_name = options->layer != NULL ? options->layer : "entities";
  BylineSchema *schema = options->schema != NULL ? options->schema : byline_schema_get_default ();

  if (options->tag_names != NULL)
    hf->names = options->tag_names;
  else
    hf->names = hf->own_names = g_ptr_array_new_with_free_func (g_free);
  hf->ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* The first writer of a split names the schema's tags; the others find
   * them there. */
  if (hf->names->len == 0)
    {
      const BylineLayer *layer = byline_schema_lookup_layer (schema, layer_name);

      g_ptr_array_add (hf->names, g_strdup ("O"));
      for (guint i = 0; layer != NULL && i < layer->labels->len; i++)
        {
          const BylineLabel *label = layer->labels->pdata[i];

          add_label_tags (hf->names, label->name, options->scheme);
        }
    }
  return byline_writer_new_file (format, path, options, FALSE, &hf_class, hf, error);
}

/* ---- CoNLL reader ------------------------------------------------------- */

typedef struct
{
  char  *label;
  guint  start;
  guint  end;
  guint  lineno;  /* of its first token */
} Chunk;

static void
chunk_clear (gpointer data)
{
  g_free (((Chunk *) data)->label);
}

/* An open chunk of one tag column. Chunks close at the end of each
 * sentence, so the label can point into the sentence's lines. */
typedef struct
{
  const char *label;
  guint       start;
  guint       end;
  guint       lineno;
  gboolean    open;
} ChunkState;

/* One token line of the sentence being read. */
typedef struct
{
  char  **fields;
  guint   n_fields;
  guint   lineno;
} Line;

static void
line_clear (gpointer data)
{
  g_strfreev (((Line *) data)->fields);
}

typedef struct
{
  const char                *path;
  BylineSchemaWarnings       schema_warnings;  /* the options and warnings */
  char                      *base_id;
  BylineDocumentFunc         func;
  gpointer                   user_data;

  /* The document being read */
  gboolean                   doc_open;   /* started by -DOCSTART- or by content */
  char                      *doc_id;
  GString                   *text;
  guint                      n_chars;
  guint                      n_sentences;
  GArray                     *chunks;    /* Chunk */
  guint                      n_docs;

  /* The sentence being read */
  GArray                     *lines;     /* Line */
  gboolean                   numbered;   /* the last sentence of two lines or more was */
  ChunkState                 state[2];
} ConllReader;

static char **
split_fields (const char *line,
              guint      *n_fields)
{
  GPtrArray *fields = g_ptr_array_new ();
  const char *p = line;

  for (;;)
    {
      const char *start;

      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && *p != ' ' && *p != '\t')
        p++;
      g_ptr_array_add (fields, g_strndup (start, p - start));
    }
  *n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (fields, FALSE);
}

static void
state_close (ConllReader *r,
             ChunkState  *s)
{
  Chunk chunk;

  if (!s->open)
    return;
  chunk.label = g_strdup (s->label);
  chunk.start = s->start;
  chunk.end = s->end;
  chunk.lineno = s->lineno;
  g_array_append_val (r->chunks, chunk);
  s->open = FALSE;
  s->label = NULL;
}

static void
state_open (ChunkState *s,
            const char *label,
            guint       start,
            guint       end,
            guint       lineno)
{
  s->open = TRUE;
  s->lineno = lineno;
  s->label = label;
  s->start = start;
  s->end = end;
}

/* One tag of a column for the token at [start, end). */
static void
state_step (ConllReader *r,
            ChunkState  *s,
            char         prefix,
            const char  *label,
            guint        start,
            guint        end,
            guint        lineno)
{
  gboolean continues = s->open && strcmp (s->label, label != NULL ? label : "") == 0;

  switch (prefix)
    {
    case 'O':
      state_close (r, s);
      break;
    case 'B':
      state_close (r, s);
      state_open (s, label, start, end, lineno);
      break;
    case 'S':
      state_close (r, s);
      state_open (s, label, start, end, lineno);
      state_close (r, s);
      break;
    case 'E':
      if (!continues)
        {
          state_close (r, s);
          state_open (s, label, start, end, lineno);
        }
      s->end = end;
      state_close (r, s);
      break;
    case 'I':
    default:
      if (continues)
        s->end = end;
      else
        {
          state_close (r, s);
          state_open (s, label, start, end, lineno);
        }
      break;
    }
}

static gboolean
is_numbered (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      char buf[16];

      g_snprintf (buf, sizeof buf, "%u", i + 1);
      if (line->n_fields < 3 || strcmp (line->fields[0], buf) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
end_sentence (ConllReader  *r,
              GError      **error)
{
  gboolean numbered;
  gboolean two_tags;

  if (r->lines->len == 0)
    return TRUE;
  /* One line is too little to tell "1 CD I-NP O" from a numbered line. */
  numbered = is_numbered (r->lines) && (r->lines->len >= 2 || r->numbered);
  if (r->lines->len >= 2)
    r->numbered = numbered;

  /* GermEval 2014: number, token, outer tag, nested tag */
  two_tags = numbered;
  for (guint i = 0; two_tags && i < r->lines->len; i++)
    {
      Line *line = &g_array_index (r->lines, Line, i);
      const char *label;
      char prefix;

      two_tags = line->n_fields == 4 && parse_tag (line->fields[2], &prefix, &label);
    }

  r->doc_open = TRUE;
  for (guint i = 0; i < r->lines->len; i++)
    {
      Line *line = &g_array_index (r->lines, Line, i);
      const char *token = line->fields[numbered ? 1 : 0];
      guint start, end;

      if (r->n_sentences > 0 || i > 0)
        {
          g_string_append_c (r->text, i == 0 ? '\n' : ' ');
          r->n_chars++;
        }
      start = r->n_chars;
      g_string_append (r->text, token);
      end = start + (guint) g_utf8_strlen (token, -1);
      r->n_chars = end;

      for (guint c = 0; c < (two_tags ? 2u : 1u); c++)
        {
          const char *tag = line->fields[c == 0 ? line->n_fields - 1 : 2];
          const char *label;
          char prefix;

          if (!parse_tag (tag, &prefix, &label))
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                           _("%s:%u: “%s” is not a tag: use O, or B-, I-, E- or S- and a label"),
                           r->path, line->lineno, tag);
              return FALSE;
            }
          state_step (r, &r->state[c], prefix, label, start, end, line->lineno);
        }
    }
  for (guint c = 0; c < 2; c++)
    state_close (r, &r->state[c]);
  r->n_sentences++;
  g_array_set_size (r->lines, 0);
  return TRUE;
}

static void
reset_document (ConllReader *r)
{
  r->doc_open = FALSE;
  g_clear_pointer (&r->doc_id, g_free);
  g_string_truncate (r->text, 0);
  r->n_chars = 0;
  r->n_sentences = 0;
  g_array_set_size (r->chunks, 0);
}

static gboolean
end_document (ConllReader  *r,
              GError      **error)
{
  g_autoptr(BylineDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!end_sentence (r, error))
    return FALSE;
  if (!r->doc_open)
    return TRUE;
  r->n_docs++;
  doc = byline_document_new ();
  if (!byline_document_set_text (doc, r->text->str, r->text->len, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, local_error->code, "%s: %s", r->path, local_error->message);
      return FALSE;
    }
  if (r->doc_id != NULL)
    byline_document_set_id (doc, r->doc_id);
  else
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", r->base_id, r->n_docs);

      byline_document_set_id (doc, id);
    }
  for (guint i = 0; i < r->chunks->len; i++)
    {
      Chunk *chunk = &g_array_index (r->chunks, Chunk, i);
      const char *layer = byline_format_layer_or_warn (&r->schema_warnings, chunk->label,
                                                       _("line %u"), chunk->lineno);

      if (!_byline_document_load_annotation (doc, byline_annotation_new (layer, chunk->label,
                                                                          chunk->start, chunk->end),
                                             &local_error))
        {
          g_set_error (error, BYLINE_ERROR, local_error->code, "%s: %s", r->path, local_error->message);
          return FALSE;
        }
    }
  byline_document_mark_loaded (doc);
  reset_document (r);
  return r->func (doc, r->user_data, error);
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* "# id = NAME" or CoNLL-U's "# newdoc" and "# newdoc id = NAME", with a
 * blank after the "#" (a hashtag such as "#newdoc" is a token): the
 * document's id, or NULL. */
static char *
comment_id (const char *line,
            gboolean   *newdoc)
{
  const char *p = line + 1;
  const char *eq;

  *newdoc = FALSE;
  if (line[0] != '#' || !is_blank (*p))
    return NULL;
  while (is_blank (*p))
    p++;
  if (g_str_has_prefix (p, "newdoc") && (p[6] == '\0' || is_blank (p[6])))
    {
      *newdoc = TRUE;
      p += strlen ("newdoc");
      while (is_blank (*p))
        p++;
    }
  if (!g_str_has_prefix (p, "id") || !(p[2] == '=' || is_blank (p[2])))
    return NULL;
  p += 2;
  eq = p;
  while (is_blank (*eq))
    eq++;
  if (*eq != '=')
    return NULL;
  eq++;
  while (is_blank (*eq))
    eq++;
  return *eq != '\0' ? g_strdup (eq) : NULL;
}

static gboolean
read_line (ConllReader  *r,
           char         *text,
           guint         lineno,
           GError      **error)
{
  Line line;
  const char *label;
  char prefix;

  line.fields = split_fields (text, &line.n_fields);
  line.lineno = lineno;

  if (line.n_fields == 0)
    {
      g_strfreev (line.fields);
      return end_sentence (r, error);
    }
  if (strcmp (line.fields[0], DOCSTART) == 0)
    {
      g_strfreev (line.fields);
      if (!end_document (r, error))
        return FALSE;
      r->doc_open = TRUE;
      return TRUE;
    }
  if (line.fields[0][0] == '#')
    {
      gboolean newdoc = FALSE;
      g_autofree char *id = comment_id (text, &newdoc);

      if (id != NULL || newdoc)
        {
          g_strfreev (line.fields);
          /* A new document, or the current one named when it is empty. */
          if (newdoc || r->n_sentences > 0 || r->lines->len > 0)
            {
              if (!end_document (r, error))
                return FALSE;
              r->doc_open = TRUE;
            }
          if (id != NULL)
            {
              g_free (r->doc_id);
              r->doc_id = g_steal_pointer (&id);
            }
          return TRUE;
        }
      /* "# text = …", GermEval's "#	source	[date]": a comment, unless
       * it ends in a tag, as the token "#" or "#MeToo" does. */
      if (line.n_fields < 2 || !parse_tag (line.fields[line.n_fields - 1], &prefix, &label) ||
          (line.n_fields >= 3 && strcmp (line.fields[2], "=") == 0))
        {
          g_strfreev (line.fields);
          return TRUE;
        }
    }
  if (line.n_fields < 2)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("%s:%u: a token line needs a token and a tag, separated by a tab or a space"),
                   r->path, lineno);
      g_strfreev (line.fields);
      return FALSE;
    }
  g_array_append_val (r->lines, line);
  return TRUE;
}

static gboolean
read_conll (const BylineFormat        *format,
            const char                *path,
            const BylineFormatOptions *options,
            BylineProblems            *warnings,
            BylineDocumentFunc         func,
            gpointer                   user_data,
            GError                   **error)
{
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *base_id = byline_import_document_id (path);
  g_autofree char *buf = NULL;
  ConllReader r = { 0, };
  size_t cap = 0;
  gssize n;
  guint lineno = 0;
  gboolean ok = TRUE;
  FILE *fp;

  fp = g_fopen (path, "rbe");
  if (fp == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  r.path = path;
  r.schema_warnings = (BylineSchemaWarnings) { options, warnings, warned, BYLINE_SCHEMA_WARNING_SEMICOLON };
  r.base_id = base_id;
  r.func = func;
  r.user_data = user_data;
  r.text = g_string_new (NULL);
  r.chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  g_array_set_clear_func (r.chunks, chunk_clear);
  r.lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_array_set_clear_func (r.lines, line_clear);

  while (ok && (n = getline (&buf, &cap, fp)) >= 0)
    {
      g_autofree char *where = NULL;
      char *line = buf;
      gsize len = (gsize) n;

      lineno++;
      if (lineno == 1)
        {
          gsize skip = byline_import_skip_bom (line, len);

          line += skip;
          len -= skip;
        }
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
      where = g_strdup_printf ("%s:%u", path, lineno);
      if (!byline_import_check_utf8 (line, len, where, error))
        {
          ok = FALSE;
          break;
        }
      line[len] = '\0';
      ok = read_line (&r, line, lineno, error);
    }
  if (ok && ferror (fp))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("%s: read error"), path);
      ok = FALSE;
    }
  if (ok)
    ok = end_document (&r, error);
  fclose (fp);

  g_free (r.doc_id);
  g_string_free (r.text, TRUE);
  g_array_unref (r.chunks);
  g_array_unref (r.lines);
  return ok;
}

/* ---- The formats -------------------------------------------------------- */

static const char * const conll_ext[] = { ".conll", ".conll03", ".iob", ".bio", NULL };
static const char * const hf_ext[] = { ".hf.jsonl", NULL };

const BylineFormat byline_format_conll = {
  "conll", N_("CoNLL 2003 columns, one layer, IOB2, IOB1 or BIOES (.conll)"), conll_ext, TRUE, FALSE,
  read_conll, open_conll
};

const BylineFormat byline_format_hf = {
  "hf", N_("Hugging Face token classification JSONL and labels.json (.hf.jsonl)"), hf_ext, TRUE, FALSE,
  NULL, open_hf
};
