/* cli-test-util.h: what the tests that drive byline-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A fresh temporary directory per test, byline-cli's working directory. */
typedef struct
{
  char *dir;
} CliTestFixture;

void         cli_test_init             (int                *argc,
                                        char             ***argv);
void         cli_test_fixture_setup    (CliTestFixture     *f,
                                        gconstpointer       data);
void         cli_test_fixture_teardown (CliTestFixture     *f,
                                        gconstpointer       data);
char        *cli_test_path_in          (CliTestFixture     *f,
                                        const char         *name);
char        *cli_test_data_path        (const char         *name);
char        *cli_test_sample_path      (void);
GSubprocess *cli_test_spawn            (const char         *dir,
                                        const char * const *args);
int          cli_test_run              (CliTestFixture     *f,
                                        char              **out,
                                        char              **err,
                                        ...) G_GNUC_NULL_TERMINATED;
char        *cli_test_read_file        (const char         *path,
                                        gsize              *len);
guint        cli_test_count_lines      (const char         *text);
char        *cli_test_listing          (const char         *dir);
void         cli_test_assert_listing   (CliTestFixture     *f,
                                        const char         *expected);
JsonNode    *cli_test_parse_json       (const char         *data,
                                        gssize              len);
JsonNode    *cli_test_load_json        (const char         *path);
JsonObject  *cli_test_member_object    (JsonObject         *obj,
                                        const char         *name);
gint64       cli_test_member_int       (JsonObject         *obj,
                                        const char         *name);
const char  *cli_test_member_string    (JsonObject         *obj,
                                        const char         *name);

G_END_DECLS
