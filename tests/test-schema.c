/* test-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "byline-error.h"
#include "byline-schema.h"

static const char * const ontonotes[] = {
  "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
  "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
};

static void
test_default_schema (void)
{
  g_autoptr(BylineSchema) schema = byline_schema_get_default ();
  const BylineLayer *entities;
  const BylineLayer *speakers;
  const BylineLayer *claims;
  const BylineAttributeDef *attr;

  g_assert_cmpstr (byline_schema_get_name (schema), ==, "news");
  g_assert_cmpuint (byline_schema_get_n_layers (schema), ==, 3);

  entities = byline_schema_get_layer (schema, 0);
  g_assert_cmpstr (entities->name, ==, "entities");
  g_assert_cmpuint (entities->labels->len, ==, G_N_ELEMENTS (ontonotes));
  for (guint i = 0; i < G_N_ELEMENTS (ontonotes); i++)
    {
      const BylineLabel *label = entities->labels->pdata[i];

      g_assert_cmpstr (label->name, ==, ontonotes[i]);
      g_assert_nonnull (label->key);
      g_assert_true (label->layer == entities);
    }

  speakers = byline_schema_lookup_layer (schema, "speakers");
  g_assert_cmpuint (speakers->labels->len, ==, 3);
  g_assert_cmpstr (((BylineLabel *) speakers->labels->pdata[0])->name, ==, "QUOTE");
  claims = byline_schema_lookup_layer (schema, "claims");
  g_assert_cmpuint (claims->labels->len, ==, 2);

  /* Keys: 1-9 by position, or the label's own key, per layer. */
  g_assert_cmpstr (byline_schema_lookup_key (schema, "entities", "1")->name, ==, "PERSON");
  g_assert_cmpstr (byline_schema_lookup_key (schema, "entities", "9")->name, ==, "WORK_OF_ART");
  g_assert_cmpstr (byline_schema_lookup_key (schema, "entities", "G")->name, ==, "GPE");
  g_assert_cmpstr (byline_schema_lookup_key (schema, "speakers", "C")->name, ==, "CUE");
  g_assert_cmpstr (byline_schema_lookup_key (schema, "claims", "C")->name, ==, "CLAIM");
  g_assert_null (byline_schema_lookup_key (schema, "speakers", "4"));

  /* Relations as the architecture describes them. */
  g_assert_true (byline_schema_relation_allowed (schema, "said_by", "QUOTE", "SPEAKER"));
  g_assert_false (byline_schema_relation_allowed (schema, "said_by", "SPEAKER", "QUOTE"));
  g_assert_true (byline_schema_relation_allowed (schema, "cue", "QUOTE", "CUE"));
  g_assert_true (byline_schema_relation_allowed (schema, "refers_to", "SPEAKER", "PERSON"));
  g_assert_true (byline_schema_relation_allowed (schema, "refers_to", "SPEAKER", "ORG"));
  g_assert_false (byline_schema_relation_allowed (schema, "refers_to", "SPEAKER", "QUOTE"));
  g_assert_true (byline_schema_relation_allowed (schema, "claimer", "CLAIM", "SPEAKER"));
  g_assert_true (byline_schema_relation_allowed (schema, "claimer", "CLAIM", "NORP"));
  g_assert_true (byline_schema_relation_allowed (schema, "object", "CLAIM", "CLAIM_OBJECT"));
  {
    g_autoptr(GPtrArray) types = byline_schema_relation_types_for (schema, "QUOTE", "SPEAKER");

    g_assert_cmpuint (types->len, ==, 1);
    g_assert_cmpstr (((BylineRelationType *) types->pdata[0])->name, ==, "said_by");
  }

  attr = byline_schema_lookup_attribute (schema, "QUOTE", "quote_type");
  g_assert_nonnull (attr);
  g_assert_cmpint (attr->type, ==, BYLINE_ATTRIBUTE_CHOICE);
  g_assert_cmpstr (attr->values[0], ==, "direct");
  g_assert_cmpstr (attr->values[2], ==, "mixed");
  g_assert_null (byline_schema_lookup_attribute (schema, "PERSON", "quote_type"));
  attr = byline_schema_lookup_attribute (schema, "CLAIM", "stance");
  g_assert_true (g_strv_contains ((const char * const *) attr->values, "refute"));
  attr = byline_schema_lookup_attribute (schema, "CLAIM", "check_worthy");
  g_assert_true (g_strv_contains ((const char * const *) attr->values, "unsure"));
  attr = byline_schema_lookup_attribute (schema, "CLAIM", "topic");
  g_assert_cmpint (attr->type, ==, BYLINE_ATTRIBUTE_TEXT);
  g_assert_cmpstr (byline_schema_get_document_attribute (schema, 0)->name, ==, "done");
}

/* Colours must stay readable on both a light and a dark background when
 * drawn as a translucent fill: neither near-white nor near-black. */
static void
test_colours_readable (void)
{
  g_autoptr(BylineSchema) schema = byline_schema_get_default ();

  for (guint l = 0; l < byline_schema_get_n_layers (schema); l++)
    {
      const BylineLayer *layer = byline_schema_get_layer (schema, l);

      for (guint i = 0; i < layer->labels->len; i++)
        {
          const BylineLabel *label = layer->labels->pdata[i];
          guint r, g, b;
          double luma;

          g_assert_cmpint (sscanf (label->color, "#%02x%02x%02x", &r, &g, &b), ==, 3);
          luma = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0;
          if (luma < 0.15 || luma > 0.8)
            g_error ("%s colour %s has luma %.2f", label->name, label->color, luma);
        }
    }
}

static void
expect_invalid (const char *json,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSchema) schema = byline_schema_new_from_data (json, -1, "my.json", &error);

  g_assert_null (schema);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID_SCHEMA);
  if (strstr (error->message, fragment) == NULL || !g_str_has_prefix (error->message, "my.json: "))
    g_error ("expected “%s” in “%s”", fragment, error->message);
}

#define S "{\"format\": \"byline-schema\", \"version\": 1, \"name\": \"t\", "
#define L1 "\"layers\": [{\"name\": \"e\", \"labels\": [{\"name\": \"A\", \"color\": \"#336699\", \"key\": \"Q\"}"

static void
test_invalid_schemas (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSchema) ok = byline_schema_new_from_data (S L1 "]}]}", -1, "ok.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (ok);

  expect_invalid (S "\"layers\": []}", "at least one layer");
  expect_invalid (S "\"layers\": [{\"name\": \"e\", \"labels\": []}]}", "layers[0]: a layer needs at least one label");
  expect_invalid (S "\"layers\": [{\"name\": \"e\", \"labels\": [{\"name\": \"A\", \"color\": \"red\"}]}]}",
                  "layers[0].labels[0]: colour “red” is not of the form #rrggbb");
  expect_invalid (S L1 ", {\"name\": \"A\", \"color\": \"#000000\"}]}]}", "label “A” is defined twice");
  expect_invalid (S L1 ", {\"name\": \"B\", \"color\": \"#000000\", \"key\": \"Q\"}]}]}",
                  "layers[0].labels[1]: key “Q” is already the key of A");
  expect_invalid (S L1 ", {\"name\": \"B\", \"color\": \"#000000\", \"key\": \"x\"}]}]}", "is reserved for a command");
  expect_invalid (S L1 ", {\"name\": \"B\", \"color\": \"#000000\", \"key\": \"3\"}]}]}", "other than a digit");
  expect_invalid (S L1 "]}], \"relations\": [{\"name\": \"r\", \"from\": [\"A\"], \"to\": [\"Z\"]}]}",
                  "relations[0]: unknown label “Z”");
  expect_invalid (S L1 "]}], \"relations\": [{\"name\": \"r\", \"from\": [\"A\"], \"to\": [\"layer:nope\"]}]}",
                  "unknown layer in “layer:nope”");
  expect_invalid (S L1 "]}], \"attributes\": [{\"name\": \"k\", \"labels\": [\"A\"], \"values\": [\"a\"], \"default\": \"b\"}]}",
                  "attributes[0]: default “b” is not one of the values");
  expect_invalid (S L1 "]}], \"attributes\": [{\"name\": \"k\", \"labels\": [\"A\"], \"type\": \"number\"}]}",
                  "type “number” must be choice, text or boolean");
  expect_invalid (S "\"layers\": [{\"name\": \"e\", \"style\": \"blink\", \"labels\": [{\"name\": \"A\", \"color\": \"#336699\"}]}]}",
                  "style “blink”");
  expect_invalid ("{\"format\": \"something\", \"version\": 1}", "format: “something” is not “byline-schema”");
  expect_invalid ("{\"format\": \"byline-schema\", \"version\": 1, \"layers\": []}", "missing key “name”");

  {
    g_autoptr(BylineSchema) s = byline_schema_new_from_data ("{\"format\": \"byline-schema\", \"version\": 3}", -1, "new.json", &error);

    g_assert_null (s);
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_VERSION);
    g_clear_error (&error);
  }
  {
    g_autoptr(BylineSchema) s = byline_schema_new_from_data ("{\"format\": ", -1, "broken.json", &error);

    g_assert_null (s);
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
    g_assert_true (g_str_has_prefix (error->message, "broken.json: "));
  }
}

static void
test_schema_file_matches_bundled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "schemas", "news.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSchema) schema = byline_schema_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (byline_schema_get_n_relation_types (schema), ==, 5);

  {
    g_autoptr(BylineSchema) missing = byline_schema_new_from_file ("/nonexistent/schema.json", &error);

    g_assert_null (missing);
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "/nonexistent/schema.json"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schema/default", test_default_schema);
  g_test_add_func ("/schema/colours-readable", test_colours_readable);
  g_test_add_func ("/schema/invalid", test_invalid_schemas);
  g_test_add_func ("/schema/file", test_schema_file_matches_bundled);
  return g_test_run ();
}
