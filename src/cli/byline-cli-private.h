/* byline-cli-private.h: what byline-cli's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "byline-format.h"

G_BEGIN_DECLS

/* byline-cli.c: helpers for more than one command */
void                 byline_cli_print_error     (GError               *error);
gboolean             byline_cli_parse_options   (GOptionContext       *context,
                                                 int                  *argc,
                                                 char               ***argv);
int                  byline_cli_compare_strings (gconstpointer         a,
                                                 gconstpointer         b);
GPtrArray           *byline_cli_expand_inputs   (char                **inputs,
                                                 const BylineFormat   *forced,
                                                 GError              **error);
const BylineFormat  *byline_cli_input_format    (const char           *path,
                                                 const BylineFormat   *forced,
                                                 GError              **error);
void                 byline_cli_print_problems  (const char           *where,
                                                 BylineProblems       *problems,
                                                 FILE                 *stream);
char               **byline_cli_split_list      (const char           *text);
void                 byline_cli_print_losses    (const char           *title,
                                                 BylineLosses         *losses);
void                 byline_cli_count           (GHashTable           *table,
                                                 const char           *key);
GPtrArray           *byline_cli_sorted_keys     (GHashTable           *table);

/* The commands, one file each: byline-cli-COMMAND.c */
int                  cmd_convert                (int                   argc,
                                                 char                **argv);
int                  cmd_validate               (int                   argc,
                                                 char                **argv);
int                  cmd_stats                  (int                   argc,
                                                 char                **argv);
int                  cmd_suggest                (int                   argc,
                                                 char                **argv);

G_END_DECLS
