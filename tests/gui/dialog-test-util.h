/* dialog-test-util.h: what the Export and Import dialog tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "byline-window.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *sample;   /* a copy of the sample article's .byline.json */
  char *text;     /* the same article as plain text */
} DialogTestFixture;

/* main () */
gboolean        dialog_test_init             (int                *argc,
                                              char             ***argv,
                                              const char         *name,
                                              const char         *application_id);
GtkApplication *dialog_test_get_app          (void);
int             dialog_test_run              (void);

/* The fixture */
void            dialog_test_fixture_setup    (DialogTestFixture  *fixture,
                                              gconstpointer       data);
void            dialog_test_fixture_teardown (DialogTestFixture  *fixture,
                                              gconstpointer       data);

/* Waiting */
void            dialog_test_wait_for         (gboolean           *flag,
                                              gboolean            while_true);
void            dialog_test_wait_idle        (GtkWidget          *dialog);
void            dialog_test_on_destroyed_cb  (gpointer            data,
                                              GObject            *where_the_object_was);
void            dialog_test_wait_destroyed   (GtkWidget          *dialog);

/* The dialogs */
GtkWidget      *dialog_test_open_export      (BylineWindow       *window);
GtkWidget      *dialog_test_open_import      (BylineWindow       *window);
gpointer        dialog_test_child            (GtkWidget          *dialog,
                                              const char         *id);
void            dialog_test_select_format    (GtkWidget          *dialog,
                                              const char         *name);
void            dialog_test_set_destination  (GtkWidget          *dialog,
                                              const char         *path);
gboolean        dialog_test_format_ready     (const char         *name,
                                              gboolean            write);

G_END_DECLS
