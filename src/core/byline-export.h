/* byline-export.h: many documents to one dataset, filtered and split
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-format.h"

G_BEGIN_DECLS

typedef struct _BylineExport BylineExport;

/* The parts of a split dataset, in the order they are named. */
typedef enum
{
  BYLINE_SPLIT_TRAIN,
  BYLINE_SPLIT_DEV,
  BYLINE_SPLIT_TEST,
} BylineSplitPart;

#define BYLINE_N_SPLIT_PARTS 3

/**
 * BylineExportSettings:
 * @layers: (nullable) (array zero-terminated=1): the layers to export;
 *   %NULL for all
 * @labels: (nullable) (array zero-terminated=1): the labels to export;
 *   %NULL for all
 * @statuses: which statuses to export, a mask of `1 << BylineStatus`; 0 for
 *   the default: everything for Byline's own formats, manual and accepted
 *   only for the dataset formats (suggestions and rejected spans are not
 *   training data)
 * @split: the fractions of documents for train, dev and test; all 0 for no
 *   split. They need not sum to 1: they are weights.
 * @seed: the seed of the split's shuffle
 * @n_documents: with a split: how many documents will be added (the
 *   caller counts them first, so the split is exact)
 *
 * What to export and how.
 */
typedef struct
{
  const char * const *layers;
  const char * const *labels;
  guint               statuses;
  double              split[BYLINE_N_SPLIT_PARTS];
  guint64             seed;
  guint               n_documents;
} BylineExportSettings;

BylineExport *byline_export_new                (const BylineFormat          *format,
                                                const char                  *output,
                                                const BylineFormatOptions   *options,
                                                const BylineExportSettings  *settings,
                                                GError                     **error);
void          byline_export_free               (BylineExport                *self);
gboolean      byline_export_add                (BylineExport                *self,
                                                BylineDocument              *document,
                                                GError                     **error);
gboolean      byline_export_finish             (BylineExport                *self,
                                                GError                     **error);

guint         byline_export_get_n_documents    (BylineExport                *self,
                                                int                          part);
GHashTable   *byline_export_get_kept           (BylineExport                *self);
BylineLosses *byline_export_get_left_out       (BylineExport                *self);
BylineLosses *byline_export_get_not_held       (BylineExport                *self);
char         *byline_export_get_summary        (BylineExport                *self);

const char   *byline_split_part_name           (BylineSplitPart              part);
gboolean      byline_export_parse_split        (const char                  *text,
                                                double                      *split,
                                                GError                     **error);
gboolean      byline_export_parse_statuses     (const char                  *text,
                                                guint                       *statuses,
                                                GError                     **error);
guint8       *byline_export_plan_split         (guint                        n_documents,
                                                const double                *split,
                                                guint64                      seed);
gboolean      byline_export_filter_document    (BylineDocument              *document,
                                                const BylineFormat          *format,
                                                const BylineExportSettings  *settings,
                                                BylineLosses                *left_out,
                                                GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineExport, byline_export_free)

G_END_DECLS
