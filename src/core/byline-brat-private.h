/* byline-brat-private.h: what the brat files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-brat.c holds the mapping (its first comment), the helpers
 * reading and writing share and the format; byline-brat-parse.c reads
 * the lines of a .ann file, byline-brat-read.c builds documents from
 * them, byline-brat-write-lines.c makes brat lines and
 * byline-brat-write.c decides which lines a document gives and writes
 * the directory.
 */
#pragma once

#include "byline-document.h"
#include "byline-format-private.h"

G_BEGIN_DECLS

#define BRAT_KEY "brat"

/* What Python's str.splitlines() splits at: brat reads .ann files with it,
 * so none of these may appear inside a line brat is to read. */
static inline gboolean
_byline_brat_is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c ||
         (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* ---- Reading ---------------------------------------------------------- */

typedef enum
{
  KIND_T,
  KIND_R,
  KIND_E,
  KIND_A,
  KIND_N,
  KIND_NOTE,
  KIND_EQUIV,
  KIND_OTHER,
} Kind;

typedef struct _BratLine BratLine;

struct _BratLine
{
  Kind       kind;
  guint      lineno;
  char      *raw;       /* the line as written, without its line end */
  char      *id;
  char      *type;
  GArray    *frags;     /* T: BylineFragment in file offsets, as written */
  char      *text;      /* T: text field; #: note; N: text after the reference (or NULL) */
  char      *trigger;   /* E: the trigger's id, or NULL */
  GPtrArray *roles;     /* R, E: role of each argument */
  GPtrArray *args;      /* R, E: argument ids; *: members */
  char      *target;    /* A, N, #: what they are about */
  char      *value;     /* A: the value (NULL: binary); N: the reference */
  char      *tail;      /* R, E: what follows the arguments */
  guint      refs;      /* T, E: uses as trigger, argument or member */
  guint      marks;     /* T, E, R: attributes, notes, normalisations */
  gboolean   fold;      /* T: held by an event, no annotation of its own */
  const char *mapped;   /* T: the label an attribution gave it */
  BratLine  *anchor;    /* E: an attribution's Content T; T: the attribution it is Content of */
  gboolean   is_attribution;
};

typedef struct
{
  const char                *ann_path;
  char                      *ann_name;    /* its base name, for warnings */
  BylineProblems            *warnings;
  BylineSchemaWarnings       schema_warnings; /* the options, and labels warned about */
  BylineDocument            *doc;
  GPtrArray                 *lines;       /* BratLine */
  GHashTable                *by_id;       /* T, R, E id → BratLine */
  GHashTable                *anns;        /* id → BylineAnnotation, being built */
  GHashTable                *rels;        /* id → BylineRelation, being built */
  GHashTable                *extras;      /* id → JsonObject: its "brat" keys */
  JsonArray                 *kept;        /* lines kept as written */
  gboolean                   has_bom;
  guint                      shift;       /* 1 when offsets count the BOM */
} Reader;

enum { ROLE_CONTENT, ROLE_SOURCE, ROLE_CUE, N_ROLES };

/* ---- Writing ---------------------------------------------------------- */

/* The ids of one .ann file: taken ones, and the highest number of each
 * kind so that new ones come after. */
typedef struct
{
  GHashTable *used;
  guint64     max[6];
} Ids;

typedef struct
{
  char    section;   /* T R E A N # * */
  char   *id;        /* NULL: one is given when all stored ids are claimed */
  char   *body;      /* what follows "ID\t" ("*" lines: all of it) */
  guint   start;     /* T: sort keys */
  guint   end;
  guint   n;         /* *: the group */
} OutLine;

typedef struct
{
  BylineWriter   *writer;
  BylineDocument *doc;
  Ids             ids;
  guint           shift;
  GHashTable     *out_ids;        /* annotation id → brat T or E id */
  GHashTable     *trigger_ids;    /* annotation id → folded trigger's T id */
  GHashTable     *event_ids;      /* Content annotation id → its attribution's E id */
  GHashTable     *rels_from;      /* annotation id → GPtrArray of relations, by id */
  GHashTable     *consumed;       /* relation id → TRUE: inside an E or * line */
  GHashTable     *rel_ids;        /* relation id → R id */
  GPtrArray      *lines;          /* OutLine */
} Out;

/* Where a name goes decides what it may hold. brat itself splits every
 * name at spaces; this reader reads spaces in T, R, N and # types and in
 * attribute names (other tools write them), but not in E types, roles or
 * equivalence types, which it splits as brat does. */
typedef enum
{
  NAME_SPACED,       /* R, N, # types, attribute names */
  NAME_T_TYPE,       /* spaces, but no ";" (it separates fragments) */
  NAME_WORD,         /* E types, roles, "*" types */
  NAME_WORD_NO_COLON /* the type of an E without trigger: "TYPE:ID" is a trigger */
} NameKind;

/* byline-brat.c */
gboolean
_byline_brat_has_line_break (const char *s);

guint64
_byline_brat_id_number (const char *id);

int
_byline_brat_compare_ids (const char *a,
                          const char *b);

JsonObject *
_byline_brat_object_member (JsonObject *object,
                            const char *key);

JsonArray *
_byline_brat_array_member (JsonObject *object,
                           const char *key);

const char *
_byline_brat_string_member (JsonObject *object,
                            const char *key);

gboolean
_byline_brat_bool_member (JsonObject *object,
                          const char *key);

int
_byline_brat_attribution_role (const char *role);

extern const char * const _byline_brat_attribution_relations[N_ROLES];

/* byline-brat-parse.c */
void
_byline_brat_line_free (BratLine *line);

void
_byline_brat_reader_error (Reader      *r,
                           GError     **error,
                           int          code,
                           guint        lineno,
                           const char  *format,
                           ...) G_GNUC_PRINTF (5, 6);

BratLine *
_byline_brat_lookup_line (Reader     *r,
                          const char *id);

gboolean
_byline_brat_parse_ann (Reader      *r,
                        const char  *data,
                        gsize        len,
                        GError     **error);

gboolean
_byline_brat_check_references (Reader  *r,
                               GError **error);

gboolean
_byline_brat_check_spans (Reader  *r,
                          guint    shift,
                          GError **error);

/* byline-brat-read.c */
gboolean
_byline_brat_read (const BylineFormat        *format,
                   const char                *path,
                   const BylineFormatOptions *options,
                   BylineProblems            *warnings,
                   BylineDocumentFunc         func,
                   gpointer                   user_data,
                   GError                   **error);

/* byline-brat-write-lines.c */
gboolean
_byline_brat_ids_claim (Ids        *ids,
                        const char *id);

char *
_byline_brat_ids_new (Ids  *ids,
                      char  prefix);

void
_byline_brat_out_line_free (OutLine *line);

JsonObject *
_byline_brat_of_annotation (BylineAnnotation *a);

JsonObject *
_byline_brat_of_relation (BylineRelation *r);

gboolean
_byline_brat_is_event (BylineAnnotation *a);

void
_byline_brat_lose (Out        *o,
                   const char *what,
                   const char *label);

char *
_byline_brat_name (Out        *o,
                   const char *name,
                   NameKind    kind);

void
_byline_brat_add_line (Out        *o,
                       char        section,
                       const char *id,
                       char       *body);

void
_byline_brat_add_t_line (Out              *o,
                         BylineAnnotation *a,
                         const char       *id,
                         const char       *type,
                         gboolean          notext);

const char *
_byline_brat_out_id (Out        *o,
                     const char *annotation_id);

void
_byline_brat_add_attribute (Out        *o,
                            const char *target,
                            const char *name,
                            JsonNode   *value,
                            JsonObject *attr_ids);

void
_byline_brat_add_note (Out        *o,
                       const char *target,
                       const char *id,
                       const char *type,
                       const char *text);

void
_byline_brat_add_kept_marks (Out        *o,
                             const char *target,
                             JsonObject *brat);

/* byline-brat-write.c */
BylineWriter *
_byline_brat_open (const BylineFormat        *format,
                   const char                *path,
                   const BylineFormatOptions *options,
                   GError                   **error);
G_END_DECLS
