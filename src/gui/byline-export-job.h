/* byline-export-job.h: one run of the Export dialog, in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "byline-export.h"
#include "byline-schema.h"

G_BEGIN_DECLS

typedef struct _BylineExportJob BylineExportJob;

/* Filled on the main thread; the worker owns it until the task returns. */
struct _BylineExportJob
{
  const BylineFormat   *format;
  BylineFormatOptions   options;
  char                 *layer;
  BylineExportSettings  settings;
  char                **layers;
  BylineSchema         *schema;     /* for reading */
  GPtrArray            *inputs;     /* a corpus; NULL for the document */
  char                 *current;    /* the input the snapshot stands for */
  GBytes               *snapshot;   /* the window's document, as JSON */
  char                 *output;
  gboolean              dry_run;

  /* Results */
  char                 *summary;
  guint                 n_documents;
};

void        byline_export_job_free         (BylineExportJob    *job);
void        byline_export_job_run          (GTask              *task,
                                            gpointer            source_object,
                                            gpointer            task_data,
                                            GCancellable       *cancellable);

GPtrArray  *byline_export_list_corpus      (GFile              *folder,
                                            const char         *current);
const char *byline_export_format_extension (const BylineFormat *format,
                                            const char         *name);
char       *byline_export_strip_extension  (const char         *name);

G_END_DECLS
