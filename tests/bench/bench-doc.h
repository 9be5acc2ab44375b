/* bench-doc.h: the large article both benchmarks use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-document.h"

#define TEXT_BYTES        (1024 * 1024)
#define N_ANNOTATIONS     50000
#define N_QUOTES          1200
#define N_DISCONTINUOUS   200
#define N_SPEAKERS        2000
#define N_CLAIMS          500
#define N_REFERS_TO       1600
#define N_RELATIONS       (2 * N_QUOTES + N_REFERS_TO + 2 * N_CLAIMS)
#define SEED              20240423

typedef enum
{
  VERDICT_INFO,
  VERDICT_PASS,
  VERDICT_FAIL,
} Verdict;

BylineDocument *bench_make_document (guint32  seed,
                                     double  *build_us);

double  median             (GArray     *samples);
double  percentile         (GArray     *samples,
                            double      p);
void    add_sample         (GArray     *samples,
                            gint64      t0);
GArray *new_samples        (void);
char   *format_time        (double      us);
void    print_row          (const char *figure,
                            const char *measured,
                            const char *target,
                            Verdict     verdict);
void    time_row           (const char *figure,
                            double      us,
                            gint64      target_us);
void    bench_set_columns  (guint       figure,
                            guint       measured,
                            guint       target);
guint   bench_get_n_failed (void);
