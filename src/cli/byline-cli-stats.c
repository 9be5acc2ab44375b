/* byline-cli-stats.c: byline-cli stats, which counts documents,
 * annotations and relations, and how suggestions were reviewed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "byline-format.h"
#include "byline-json-writer.h"
#include "byline-relation.h"

#include "byline-cli-private.h"

typedef struct
{
  guint64     n_documents;
  guint64     n_chars;
  guint64     n_annotations;
  guint64     n_relations;
  GHashTable *by_layer;    /* "layer" -> count */
  GHashTable *by_label;    /* "layer\tlabel" -> count */
  GHashTable *by_status;   /* "status" -> count */
  GHashTable *by_type;     /* relation type -> count */
  GHashTable *review;      /* origin -> Review */
  GHashTable *reviewers;   /* reviewer -> Review */
} Stats;

/* How the suggestions of one origin, or of one of its labels, fared. */
typedef struct
{
  guint64     accepted;
  guint64     rejected;
  guint64     undecided;
  GHashTable *labels;      /* an origin's: label -> Review */
  GHashTable *types;       /* an origin's: relation type -> Review */
} Review;

static void
review_free (gpointer data)
{
  Review *review = data;

  g_clear_pointer (&review->labels, g_hash_table_unref);
  g_clear_pointer (&review->types, g_hash_table_unref);
  g_free (review);
}

static GHashTable *
review_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, review_free);
}

static Review *
review_for (GHashTable *table,
            const char *key,
            gboolean    origin)
{
  Review *review = g_hash_table_lookup (table, key);

  if (review == NULL)
    {
      review = g_new0 (Review, 1);
      if (origin)
        {
          review->labels = review_table_new ();
          review->types = review_table_new ();
        }
      g_hash_table_insert (table, g_strdup (key), review);
    }
  return review;
}

static void
review_count (Review       *review,
              BylineStatus  status)
{
  if (status == BYLINE_STATUS_ACCEPTED)
    review->accepted++;
  else if (status == BYLINE_STATUS_REJECTED)
    review->rejected++;
  else if (status == BYLINE_STATUS_SUGGESTED)
    review->undecided++;
}

/* Suggestions only: manual work has no acceptance to measure. */
static void
stats_review (Stats        *stats,
              const char   *origin,
              const char   *label,
              gboolean      relation,
              BylineStatus  status,
              const char   *reviewer)
{
  Review *review;

  if (status == BYLINE_STATUS_MANUAL)
    return;
  review = review_for (stats->review, origin != NULL ? origin : "(unknown)", TRUE);
  if (!relation)
    review_count (review, status);
  review_count (review_for (relation ? review->types : review->labels, label, FALSE), status);
  if (!relation && status != BYLINE_STATUS_SUGGESTED)
    review_count (review_for (stats->reviewers, reviewer != NULL ? reviewer : "(unknown)", FALSE), status);
}

static gboolean
stats_document (BylineDocument  *document,
                gpointer         user_data,
                GError         **error)
{
  Stats *stats = user_data;

  stats->n_documents++;
  stats->n_chars += byline_document_get_n_chars (document);
  stats->n_annotations += byline_document_get_n_annotations (document);
  stats->n_relations += byline_document_get_n_relations (document);
  for (guint i = 0; i < byline_document_get_n_annotations (document); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (document, i);
      g_autofree char *label = g_strdup_printf ("%s\t%s", byline_annotation_get_layer (a),
                                                byline_annotation_get_label (a));

      byline_cli_count (stats->by_layer, byline_annotation_get_layer (a));
      byline_cli_count (stats->by_label, label);
      byline_cli_count (stats->by_status, byline_status_to_string (byline_annotation_get_status (a)));
      stats_review (stats, byline_annotation_get_origin (a), byline_annotation_get_label (a), FALSE,
                    byline_annotation_get_status (a), byline_annotation_get_reviewer (a));
    }
  for (guint i = 0; i < byline_document_get_n_relations (document); i++)
    {
      BylineRelation *r = byline_document_get_relation (document, i);

      byline_cli_count (stats->by_type, byline_relation_get_relation_type (r));
      stats_review (stats, byline_relation_get_origin (r), byline_relation_get_relation_type (r), TRUE,
                    byline_relation_get_status (r), NULL);
    }
  return TRUE;
}

static void
print_table_json (GString    *out,
                  const char *name,
                  GHashTable *table,
                  gboolean    split_label)
{
  g_autoptr(GPtrArray) keys = byline_cli_sorted_keys (table);

  g_string_append_printf (out, ",\n  \"%s\": {", name);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      guint64 n = *(guint64 *) g_hash_table_lookup (table, key);
      g_autofree char *shown = g_strdup (key);

      if (split_label)
        g_strdelimit (shown, "\t", '/');
      g_string_append_printf (out, "%s\n    ", i ? "," : "");
      byline_json_append_string (out, shown);
      g_string_append_printf (out, ": %" G_GUINT64_FORMAT, n);
    }
  g_string_append (out, keys->len ? "\n  }" : "}");
}

static void
print_table_text (const char *title,
                  GHashTable *table)
{
  g_autoptr(GPtrArray) keys = byline_cli_sorted_keys (table);

  if (keys->len == 0)
    return;
  g_print ("\n%s\n", title);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *tab = strchr (key, '\t');

      g_print ("  %-30s %8" G_GUINT64_FORMAT "\n", tab ? tab + 1 : key,
               *(guint64 *) g_hash_table_lookup (table, key));
    }
}

/* accepted / (accepted + rejected): what a reviewer kept of what was
 * decided. Undecided suggestions do not count either way. */
static gboolean
review_rate (Review *review,
             double *rate)
{
  if (review->accepted + review->rejected == 0)
    return FALSE;
  *rate = (double) review->accepted / (double) (review->accepted + review->rejected);
  return TRUE;
}

static void
append_review_json (GString *out,
                    Review  *review,
                    gboolean with_undecided)
{
  double rate;

  g_string_append_printf (out, "{\"accepted\": %" G_GUINT64_FORMAT ", \"rejected\": %" G_GUINT64_FORMAT,
                          review->accepted, review->rejected);
  if (!with_undecided)
    return;
  g_string_append_printf (out, ", \"undecided\": %" G_GUINT64_FORMAT ", \"acceptance_rate\": ",
                          review->undecided);
  /* Rounded to four places, in whole numbers: 2/3 is 0.6667. */
  if (review_rate (review, &rate))
    {
      guint64 decided = review->accepted + review->rejected;

      byline_json_append_double (out, (double) ((review->accepted * 20000 + decided) / (2 * decided)) / 10000);
    }
  else
    g_string_append (out, "null");
}

static void
append_reviews_json (GString    *out,
                     const char *name,
                     GHashTable *table,
                     const char *indent,
                     gboolean    with_undecided)
{
  g_autoptr(GPtrArray) keys = byline_cli_sorted_keys (table);

  byline_json_append_string (out, name);
  g_string_append (out, ": {");
  for (guint i = 0; i < keys->len; i++)
    {
      g_string_append_printf (out, "%s\n%s  ", i ? "," : "", indent);
      byline_json_append_string (out, keys->pdata[i]);
      g_string_append (out, ": ");
      append_review_json (out, g_hash_table_lookup (table, keys->pdata[i]), with_undecided);
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, "%s%s}", keys->len ? "\n" : "", keys->len ? indent : "");
}

static void
print_review_json (GString *out,
                   Stats   *stats)
{
  g_autoptr(GPtrArray) origins = byline_cli_sorted_keys (stats->review);

  g_string_append (out, ",\n  \"review\": {");
  for (guint i = 0; i < origins->len; i++)
    {
      Review *review = g_hash_table_lookup (stats->review, origins->pdata[i]);

      g_string_append_printf (out, "%s\n    ", i ? "," : "");
      byline_json_append_string (out, origins->pdata[i]);
      g_string_append (out, ": ");
      append_review_json (out, review, TRUE);
      g_string_append (out, ",\n      ");
      append_reviews_json (out, "labels", review->labels, "      ", TRUE);
      g_string_append (out, ",\n      ");
      append_reviews_json (out, "relation_types", review->types, "      ", TRUE);
      g_string_append (out, "\n    }");
    }
  g_string_append (out, origins->len ? "\n  }" : "}");
  g_string_append (out, ",\n  ");
  append_reviews_json (out, "reviewers", stats->reviewers, "  ", FALSE);
}

static void
print_review_row (const char *indent,
                  const char *name,
                  Review     *review,
                  gboolean    with_undecided)
{
  g_autofree char *shown = g_strconcat (indent, name, NULL);
  double rate;

  g_print ("  %-34s %8" G_GUINT64_FORMAT " %8" G_GUINT64_FORMAT, shown, review->accepted, review->rejected);
  if (with_undecided)
    {
      g_print (" %9" G_GUINT64_FORMAT, review->undecided);
      if (review_rate (review, &rate))
        g_print (" %10.1f%%", rate * 100);
      else
        g_print (" %10s%s", "", "–");
    }
  g_print ("\n");
}

static void
print_review_text (Stats *stats)
{
  g_autoptr(GPtrArray) origins = byline_cli_sorted_keys (stats->review);
  g_autoptr(GPtrArray) reviewers = byline_cli_sorted_keys (stats->reviewers);

  if (origins->len == 0)
    return;
  /* TRANSLATORS: keep the columns aligned with the numbers below */
  g_print ("\n%-36s %8s %8s %9s %11s\n", _("Review of suggestions:"), _("accepted"), _("rejected"),
           _("undecided"), _("acceptance"));
  for (guint i = 0; i < origins->len; i++)
    {
      Review *review = g_hash_table_lookup (stats->review, origins->pdata[i]);
      g_autoptr(GPtrArray) labels = byline_cli_sorted_keys (review->labels);
      g_autoptr(GPtrArray) types = byline_cli_sorted_keys (review->types);

      print_review_row ("", origins->pdata[i], review, TRUE);
      for (guint j = 0; j < labels->len; j++)
        print_review_row ("  ", labels->pdata[j], g_hash_table_lookup (review->labels, labels->pdata[j]), TRUE);
      for (guint j = 0; j < types->len; j++)
        {
          g_autofree char *name = g_strdup_printf (_("%s (relation)"), (char *) types->pdata[j]);

          print_review_row ("  ", name, g_hash_table_lookup (review->types, types->pdata[j]), TRUE);
        }
    }
  if (reviewers->len == 0)
    return;
  g_print ("\n%-36s %8s %8s\n", _("Reviewers:"), _("accepted"), _("rejected"));
  for (guint i = 0; i < reviewers->len; i++)
    print_review_row ("", reviewers->pdata[i], g_hash_table_lookup (stats->reviewers, reviewers->pdata[i]), FALSE);
}

int
cmd_stats (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  Stats stats = { 0 };
  int status = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — count documents, characters, annotations and relations"));
  g_option_context_set_description (context,
    _("The review table gives, for each origin of suggestions (rules:quotes,\n"
      "command:PROGRAM, import:FORMAT…) and each of its labels and relation types, how\n"
      "many were accepted, rejected or are still undecided, and the acceptance rate:\n"
      "accepted / (accepted + rejected). Manual annotations are not counted there."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!byline_cli_parse_options (context, &argc, &argv))
    return 2;
  if (args == NULL || args[0] == NULL)
    {
      g_printerr (_("byline-cli stats: give at least one FILE\n"));
      return 2;
    }
  inputs = byline_cli_expand_inputs (args, NULL, &error);
  if (inputs == NULL)
    {
      byline_cli_print_error (error);
      return 1;
    }

  stats.by_layer = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stats.by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stats.by_status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stats.by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stats.review = review_table_new ();
  stats.reviewers = review_table_new ();
  for (guint i = 0; i < inputs->len && status == 0; i++)
    {
      const BylineFormat *format = byline_cli_input_format (inputs->pdata[i], NULL, &error);

      if (format == NULL || !byline_format_read (format, inputs->pdata[i], NULL, NULL, stats_document, &stats, &error))
        {
          byline_cli_print_error (error);
          status = 1;
        }
    }

  if (status == 0 && json)
    {
      GString *out = g_string_new (NULL);

      g_string_append_printf (out, "{\n  \"documents\": %" G_GUINT64_FORMAT
                              ",\n  \"characters\": %" G_GUINT64_FORMAT
                              ",\n  \"annotations\": %" G_GUINT64_FORMAT
                              ",\n  \"relations\": %" G_GUINT64_FORMAT,
                              stats.n_documents, stats.n_chars, stats.n_annotations, stats.n_relations);
      print_table_json (out, "layers", stats.by_layer, FALSE);
      print_table_json (out, "labels", stats.by_label, TRUE);
      print_table_json (out, "statuses", stats.by_status, FALSE);
      print_table_json (out, "relation_types", stats.by_type, FALSE);
      print_review_json (out, &stats);
      g_string_append (out, "\n}\n");
      fputs (out->str, stdout);
      g_string_free (out, TRUE);
    }
  else if (status == 0)
    {
      g_print (_("Documents:   %llu\n"), (unsigned long long) stats.n_documents);
      g_print (_("Characters:  %llu\n"), (unsigned long long) stats.n_chars);
      g_print (_("Annotations: %llu\n"), (unsigned long long) stats.n_annotations);
      g_print (_("Relations:   %llu\n"), (unsigned long long) stats.n_relations);
      print_table_text (_("By layer:"), stats.by_layer);
      print_table_text (_("By label:"), stats.by_label);
      print_table_text (_("By status:"), stats.by_status);
      print_table_text (_("Relations by type:"), stats.by_type);
      print_review_text (&stats);
    }

  g_hash_table_unref (stats.by_layer);
  g_hash_table_unref (stats.by_label);
  g_hash_table_unref (stats.by_status);
  g_hash_table_unref (stats.by_type);
  g_hash_table_unref (stats.review);
  g_hash_table_unref (stats.reviewers);
  return status;
}
