/* byline-export.c: many documents to one dataset, filtered and split
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line's convert and the window's Export dialog both go
 * through here: documents arrive one at a time (a reader's stream), are
 * filtered (layers, labels, statuses), assigned to a part of the split,
 * and handed to the part's writer. Nothing is left out without being
 * counted: what the filters leave out and what the format cannot hold are
 * both in the summary.
 *
 * The split is exact and reproducible: the caller counts the documents
 * first (a second pass over the inputs, which keeps memory constant), the
 * document positions are shuffled with a seeded generator of our own
 * (GLib's GRand is seeded per process, and its algorithm is not promised
 * to stay), and the first 80 % of the shuffled positions are train, and
 * so on. The same inputs in the same order and the same seed give the same
 * split on every machine.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-export.h"

#define DEFAULT_DATASET_STATUSES ((1u << BYLINE_STATUS_MANUAL) | (1u << BYLINE_STATUS_ACCEPTED))
#define ALL_STATUSES             ((1u << BYLINE_N_STATUSES) - 1)

typedef struct
{
  BylineWriter *writer;      /* one writer for the part… */
  char         *directory;   /* …or one file per document in here */
  GHashTable   *used_names;
  guint         n_documents;
} Part;

struct _BylineExport
{
  const BylineFormat   *format;
  char                 *output;
  BylineFormatOptions   options;
  BylineExportSettings  settings;
  char                **layers;     /* owned copies of the settings' lists */
  char                **labels;
  gboolean              split;
  guint8               *plan;       /* part of each document, by position */
  guint                 position;
  Part                  parts[BYLINE_N_SPLIT_PARTS];
  GPtrArray            *tag_names;  /* shared by the parts' writers */
  GHashTable           *kept;       /* label -> count */
  guint                 n_relations;
  BylineLosses         *left_out;
  BylineLosses         *not_held;
  gboolean              finished;
};

const char *
byline_split_part_name (BylineSplitPart part)
{
  static const char * const names[] = { "train", "dev", "test" };

  g_return_val_if_fail (part < BYLINE_N_SPLIT_PARTS, NULL);
  return names[part];
}

/* Byline's own formats keep everything unless told; dataset formats keep
 * what a person made or confirmed. */
static gboolean
is_native (const BylineFormat *format)
{
  return g_str_equal (format->name, "byline") || g_str_equal (format->name, "jsonl");
}

static guint
effective_statuses (const BylineFormat         *format,
                    const BylineExportSettings *settings)
{
  if (settings->statuses != 0)
    return settings->statuses;
  return is_native (format) ? ALL_STATUSES : DEFAULT_DATASET_STATUSES;
}

static gboolean
in_list (const char * const *list,
         const char         *name)
{
  return list == NULL || (name != NULL && g_strv_contains (list, name));
}

static const char *
left_out_by_status (BylineStatus status)
{
  switch (status)
    {
    case BYLINE_STATUS_SUGGESTED:
      return N_("suggested annotations (not reviewed)");
    case BYLINE_STATUS_REJECTED:
      return N_("rejected annotations");
    case BYLINE_STATUS_ACCEPTED:
      return N_("accepted annotations");
    case BYLINE_STATUS_MANUAL:
    default:
      return N_("manual annotations");
    }
}

/**
 * byline_export_filter_document:
 * @left_out: (nullable): counts what was taken out, and why
 *
 * Takes out of @document the annotations and relations @settings does not
 * export. The document is one a reader handed over: this edits it.
 *
 * Returns: %TRUE on success
 */
gboolean
byline_export_filter_document (BylineDocument              *document,
                               const BylineFormat          *format,
                               const BylineExportSettings  *settings,
                               BylineLosses                *left_out,
                               GError                     **error)
{
  guint statuses = effective_statuses (format, settings);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) gone = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) doomed_relations = g_ptr_array_new_with_free_func (g_free);
  guint n;

  if (settings->layers == NULL && settings->labels == NULL && statuses == ALL_STATUSES)
    return TRUE;

  n = byline_document_get_n_annotations (document);
  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (document, i);
      const char *label = byline_annotation_get_label (a);
      const char *why = NULL;

      if (!in_list (settings->layers, byline_annotation_get_layer (a)))
        why = N_("annotations of layers not exported");
      else if (!in_list (settings->labels, label))
        why = N_("annotations of labels not exported");
      else if ((statuses & (1u << byline_annotation_get_status (a))) == 0)
        why = left_out_by_status (byline_annotation_get_status (a));
      if (why == NULL)
        continue;
      if (left_out != NULL)
        byline_losses_add (left_out, why, label, 1);
      g_ptr_array_add (doomed, g_strdup (byline_annotation_get_id (a)));
    }

  /* Relations: out by their own status, or with an end that went out. */
  for (guint i = 0; i < doomed->len; i++)
    g_hash_table_add (gone, doomed->pdata[i]);
  n = byline_document_get_n_relations (document);
  for (guint i = 0; i < n; i++)
    {
      BylineRelation *r = byline_document_get_relation (document, i);
      const char *why = NULL;

      if (g_hash_table_contains (gone, byline_relation_get_from (r)) ||
          g_hash_table_contains (gone, byline_relation_get_to (r)))
        why = N_("relations with an end left out");
      else if ((statuses & (1u << byline_relation_get_status (r))) == 0)
        why = N_("relations left out by their status");
      if (why == NULL)
        continue;
      if (left_out != NULL)
        byline_losses_add (left_out, why, byline_relation_get_relation_type (r), 1);
      g_ptr_array_add (doomed_relations, g_strdup (byline_relation_get_id (r)));
    }

  for (guint i = 0; i < doomed_relations->len; i++)
    byline_document_remove_relation (document, doomed_relations->pdata[i]);
  for (guint i = 0; i < doomed->len; i++)
    byline_document_remove_annotation (document, doomed->pdata[i]);
  return TRUE;
}

/* ---- The split -------------------------------------------------------- */

/* splitmix64: small, fast, and the same everywhere. */
static guint64
next_random (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/**
 * byline_export_plan_split:
 * @split: the three weights
 *
 * Assigns each of @n_documents positions to a part: the parts get
 * round(n × weight / total) documents (the last part takes what rounding
 * leaves), chosen by a seeded shuffle.
 *
 * Returns: (transfer full): the part of each position
 */
guint8 *
byline_export_plan_split (guint         n_documents,
                          const double *split,
                          guint64       seed)
{
  g_autofree guint *order = g_new (guint, MAX (n_documents, 1));
  guint8 *plan = g_new0 (guint8, MAX (n_documents, 1));
  guint64 state = seed;
  double total = 0;
  guint counts[BYLINE_N_SPLIT_PARTS] = { 0 };
  guint given = 0, next = 0;

  for (guint p = 0; p < BYLINE_N_SPLIT_PARTS; p++)
    total += split[p];
  for (guint p = 0; p + 1 < BYLINE_N_SPLIT_PARTS && total > 0; p++)
    {
      counts[p] = MIN ((guint) (n_documents * split[p] / total + 0.5), n_documents - given);
      given += counts[p];
    }
  counts[BYLINE_N_SPLIT_PARTS - 1] = n_documents - given;

  for (guint i = 0; i < n_documents; i++)
    order[i] = i;
  /* Fisher–Yates; the modulo bias of 64 bits over a corpus size is nil. */
  for (guint i = n_documents; i > 1; i--)
    {
      guint j = (guint) (next_random (&state) % i);
      guint tmp = order[i - 1];

      order[i - 1] = order[j];
      order[j] = tmp;
    }
  for (guint p = 0; p < BYLINE_N_SPLIT_PARTS; p++)
    {
      for (guint k = 0; k < counts[p]; k++)
        plan[order[next++]] = (guint8) p;
    }
  return plan;
}

/**
 * byline_export_parse_split:
 * @text: "80,10,10" or "0.8,0.1,0.1" (train, dev, test; dev and test may
 *   be left out: "90,10")
 *
 * Returns: %TRUE when @text is a split; @split gets the weights
 */
gboolean
byline_export_parse_split (const char  *text,
                           double      *split,
                           GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  guint n = g_strv_length (parts);
  double total = 0;

  if (n < 2 || n > BYLINE_N_SPLIT_PARTS)
    goto bad;
  for (guint p = 0; p < BYLINE_N_SPLIT_PARTS; p++)
    {
      char *end = NULL;

      split[p] = 0;
      if (p >= n)
        continue;
      g_strstrip (parts[p]);
      split[p] = g_ascii_strtod (parts[p], &end);
      if (end == parts[p] || *end != '\0' || !isfinite (split[p]) || split[p] < 0)
        goto bad;
      total += split[p];
    }
  if (total > 0)
    return TRUE;

bad:
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
               _("“%s” is not a split: give the train, dev and test shares, as in “80,10,10”"), text);
  return FALSE;
}

/**
 * byline_export_parse_statuses:
 * @text: "manual,accepted", or "all"
 *
 * Returns: %TRUE when every name is a status
 */
gboolean
byline_export_parse_statuses (const char  *text,
                              guint       *statuses,
                              GError     **error)
{
  g_auto(GStrv) names = g_strsplit (text, ",", -1);

  *statuses = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      BylineStatus status;

      g_strstrip (names[i]);
      if (g_str_equal (names[i], "all"))
        *statuses |= ALL_STATUSES;
      else if (byline_status_from_string (names[i], &status))
        *statuses |= 1u << status;
      else
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("“%s” is not a status: use manual, suggested, accepted, rejected or all"),
                       names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- Parts and their outputs ------------------------------------------ */

static gboolean
is_directory_name (const char *path)
{
  return g_str_has_suffix (path, G_DIR_SEPARATOR_S) || g_file_test (path, G_FILE_TEST_IS_DIR);
}

static gboolean
make_directory (const char  *path,
                GError     **error)
{
  if (g_mkdir_with_parents (path, 0777) == 0)
    return TRUE;
  {
    int saved_errno = errno;

    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
  }
  return FALSE;
}

/* One part goes to @path: a directory format's directory, one file, or a
 * directory of one file per document. */
static gboolean
part_open (BylineExport  *self,
           Part          *part,
           const char    *path,
           gboolean       per_document,
           GError       **error)
{
  if (per_document)
    {
      part->directory = g_strdup (path);
      part->used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      return make_directory (path, error);
    }
  part->writer = byline_format_open_writer (self->format, path, &self->options, error);
  return part->writer != NULL;
}

static char *
unique_name (Part           *part,
             BylineDocument *doc)
{
  const char *id = byline_document_get_id (doc);
  g_autofree char *base = NULL;
  char *name;

  /* An id is not a path: keep it to one safe file name. */
  base = g_strdup (id != NULL && *id != '\0' ? id : "doc");
  g_strdelimit (base, "/\\:", '_');
  if (base[0] == '.')
    base[0] = '_';
  name = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (part->used_names, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (part->used_names, g_strdup (name));
  return name;
}

static gboolean
part_write (BylineExport    *self,
            Part            *part,
            BylineDocument  *doc,
            GError         **error)
{
  g_autoptr(BylineWriter) writer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  part->n_documents++;
  if (part->writer != NULL)
    return byline_writer_write (part->writer, doc, error);

  name = unique_name (part, doc);
  file = g_strconcat (name, self->format->extensions[0], NULL);
  path = g_build_filename (part->directory, file, NULL);
  writer = byline_format_open_writer (self->format, path, &self->options, error);
  return writer != NULL &&
         byline_writer_write (writer, doc, error) &&
         byline_writer_finish (writer, error);
}

/**
 * byline_export_new:
 * @output: a file, or a directory (with a split, or for a directory
 *   format such as brat, or ending in "/" for one file per document)
 * @options: (nullable): the writers' options; the export counts what the
 *   format cannot hold itself (byline_export_get_not_held()), so their
 *   @losses is not used
 *
 * Returns: (transfer full) (nullable): the export, ready for documents
 */
BylineExport *
byline_export_new (const BylineFormat          *format,
                   const char                  *output,
                   const BylineFormatOptions   *options,
                   const BylineExportSettings  *settings,
                   GError                     **error)
{
  static const BylineExportSettings no_settings = { 0 };
  g_autoptr(BylineExport) self = NULL;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (output != NULL, NULL);

  if (!byline_format_can_write (format))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_FORMAT,
                   _("Byline cannot write the %s format"), format->name);
      return NULL;
    }
  if (settings == NULL)
    settings = &no_settings;

  self = g_new0 (BylineExport, 1);
  self->format = format;
  self->output = g_strdup (output);
  if (options != NULL)
    self->options = *options;
  self->settings = *settings;
  self->layers = g_strdupv ((char **) settings->layers);
  self->labels = g_strdupv ((char **) settings->labels);
  self->settings.layers = (const char * const *) self->layers;
  self->settings.labels = (const char * const *) self->labels;
  self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->left_out = byline_losses_new ();
  self->not_held = byline_losses_new ();
  self->options.losses = self->not_held;
  if (self->options.tag_names == NULL)
    {
      /* The parts of a split must number their tags alike. */
      self->tag_names = g_ptr_array_new_with_free_func (g_free);
      self->options.tag_names = self->tag_names;
    }
  self->split = settings->split[0] + settings->split[1] + settings->split[2] > 0;

  if (self->split)
    {
      self->plan = byline_export_plan_split (settings->n_documents, settings->split, settings->seed);
      if (!make_directory (output, error))
        return NULL;
      for (guint p = 0; p < BYLINE_N_SPLIT_PARTS; p++)
        {
          const char *name = byline_split_part_name (p);
          g_autofree char *file = NULL;
          g_autofree char *path = NULL;
          gboolean per_document = !format->directory && !format->multi_document;

          if (settings->split[p] <= 0)
            continue;
          file = format->directory || per_document ? g_strdup (name)
                                                   : g_strconcat (name, format->extensions[0], NULL);
          path = g_build_filename (output, file, NULL);
          if (!part_open (self, &self->parts[p], path, per_document, error))
            return NULL;
        }
    }
  else
    {
      gboolean per_document = !format->directory && is_directory_name (output);

      if (!part_open (self, &self->parts[0], output, per_document, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

void
byline_export_free (BylineExport *self)
{
  if (self == NULL)
    return;
  for (guint p = 0; p < BYLINE_N_SPLIT_PARTS; p++)
    {
      /* Unfinished writers leave no output behind. */
      g_clear_pointer (&self->parts[p].writer, byline_writer_free);
      g_free (self->parts[p].directory);
      g_clear_pointer (&self->parts[p].used_names, g_hash_table_unref);
    }
  g_strfreev (self->layers);
  g_strfreev (self->labels);
  g_free (self->plan);
  g_free (self->output);
  g_clear_pointer (&self->tag_names, g_ptr_array_unref);
  g_hash_table_unref (self->kept);
  byline_losses_free (self->left_out);
  byline_losses_free (self->not_held);
  g_free (self);
}

static void
count_kept (BylineExport   *self,
            BylineDocument *doc)
{
  guint n = byline_document_get_n_annotations (doc);

  for (guint i = 0; i < n; i++)
    {
      const char *label = byline_annotation_get_label (byline_document_get_annotation (doc, i));
      gpointer old;

      if (g_hash_table_lookup_extended (self->kept, label, NULL, &old))
        g_hash_table_insert (self->kept, g_strdup (label), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
      else
        g_hash_table_insert (self->kept, g_strdup (label), GUINT_TO_POINTER (1));
    }
  self->n_relations += byline_document_get_n_relations (doc);
}

/**
 * byline_export_add:
 *
 * Filters @document (in place: it is one a reader handed over) and writes
 * it to its part.
 *
 * Returns: %TRUE when it was written
 */
gboolean
byline_export_add (BylineExport    *self,
                   BylineDocument  *document,
                   GError         **error)
{
  guint part = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (self->split)
    {
      if (self->position >= self->settings.n_documents)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("More documents than the %u the split was planned for"),
                       self->settings.n_documents);
          return FALSE;
        }
      part = self->plan[self->position];
    }
  self->position++;
  if (!byline_export_filter_document (document, self->format, &self->settings, self->left_out, error))
    return FALSE;
  if (!part_write (self, &self->parts[part], document, error))
    return FALSE;
  count_kept (self, document);
  return TRUE;
}

/**
 * byline_export_finish:
 *
 * Moves every part's output into place.
 *
 * Returns: %TRUE on success
 */
gboolean
byline_export_finish (BylineExport  *self,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint p = 0; p < BYLINE_N_SPLIT_PARTS; p++)
    {
      Part *part = &self->parts[p];

      /* A one-document format given no document at all says so. */
      if (part->writer != NULL && !byline_writer_finish (part->writer, error))
        return FALSE;
    }
  self->finished = TRUE;
  return TRUE;
}

/**
 * byline_export_get_n_documents:
 * @part: a #BylineSplitPart, or -1 for all
 */
guint
byline_export_get_n_documents (BylineExport *self,
                               int           part)
{
  guint n = 0;

  for (guint p = 0; p < BYLINE_N_SPLIT_PARTS; p++)
    {
      if (part < 0 || (guint) part == p)
        n += self->parts[p].n_documents;
    }
  return n;
}

/**
 * byline_export_get_kept:
 *
 * Returns: (transfer none) (element-type utf8 guint): annotations written,
 *   by label
 */
GHashTable *
byline_export_get_kept (BylineExport *self)
{
  return self->kept;
}

/**
 * byline_export_get_left_out:
 *
 * Returns: (transfer none): what the filters left out, and why
 */
BylineLosses *
byline_export_get_left_out (BylineExport *self)
{
  return self->left_out;
}

/**
 * byline_export_get_not_held:
 *
 * Returns: (transfer none): what the format could not hold
 */
BylineLosses *
byline_export_get_not_held (BylineExport *self)
{
  return self->not_held;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
append_indented (GString    *out,
                 const char *lines)
{
  g_auto(GStrv) split = g_strsplit (lines, "\n", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      if (split[i][0] != '\0')
        g_string_append_printf (out, "  %s\n", split[i]);
    }
}

/**
 * byline_export_get_summary:
 *
 * Returns: (transfer full): what was exported, left out and lost, in a
 *   few lines for a person to read
 */
char *
byline_export_get_summary (BylineExport *self)
{
  GString *out = g_string_new (NULL);
  g_autofree gpointer *labels = NULL;
  g_autofree char *left_out = byline_losses_to_string (self->left_out);
  g_autofree char *not_held = byline_losses_to_string (self->not_held);
  guint n_labels, total = 0;

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                            byline_export_get_n_documents (self, -1)),
                          byline_export_get_n_documents (self, -1));
  if (self->split)
    {
      g_string_append (out, " (");
      for (guint p = 0; p < BYLINE_N_SPLIT_PARTS; p++)
        g_string_append_printf (out, "%s%s %u", p ? ", " : "", byline_split_part_name (p),
                                self->parts[p].n_documents);
      g_string_append (out, ")");
    }
  g_string_append (out, "\n");

  labels = g_hash_table_get_keys_as_array (self->kept, &n_labels);
  qsort (labels, n_labels, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_labels; i++)
    total += GPOINTER_TO_UINT (g_hash_table_lookup (self->kept, labels[i]));
  g_string_append_printf (out, _("%u annotations, %u relations"), total, self->n_relations);
  g_string_append (out, "\n");
  for (guint i = 0; i < n_labels; i++)
    g_string_append_printf (out, "  %s %u\n", (const char *) labels[i],
                            GPOINTER_TO_UINT (g_hash_table_lookup (self->kept, labels[i])));
  if (*left_out != '\0')
    {
      g_string_append_printf (out, "%s\n", _("Left out by the filters:"));
      append_indented (out, left_out);
    }
  if (*not_held != '\0')
    {
      g_string_append_printf (out, _("The %s format cannot hold:"), self->format->name);
      g_string_append_c (out, '\n');
      append_indented (out, not_held);
    }
  return g_string_free (out, FALSE);
}
