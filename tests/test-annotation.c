/* test-annotation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "byline-annotation.h"
#include "byline-relation.h"

static void
test_fragments_merge (void)
{
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("speakers", "QUOTE", 10, 20);

  g_assert_cmpuint (byline_annotation_get_n_fragments (a), ==, 1);
  g_assert_true (byline_annotation_add_fragment (a, 30, 40));
  g_assert_cmpuint (byline_annotation_get_n_fragments (a), ==, 2);
  g_assert_cmpuint (byline_annotation_get_start (a), ==, 10);
  g_assert_cmpuint (byline_annotation_get_end (a), ==, 40);

  /* A fragment before the others becomes the first. */
  g_assert_true (byline_annotation_add_fragment (a, 0, 5));
  g_assert_cmpuint (byline_annotation_get_n_fragments (a), ==, 3);
  g_assert_cmpuint (byline_annotation_get_fragment (a, 0)->start, ==, 0);
  g_assert_cmpuint (byline_annotation_get_fragment (a, 1)->start, ==, 10);

  /* Overlapping and touching fragments merge. */
  g_assert_true (byline_annotation_add_fragment (a, 5, 10));
  g_assert_cmpuint (byline_annotation_get_n_fragments (a), ==, 2);
  g_assert_cmpuint (byline_annotation_get_fragment (a, 0)->end, ==, 20);
  g_assert_true (byline_annotation_add_fragment (a, 15, 35));
  g_assert_cmpuint (byline_annotation_get_n_fragments (a), ==, 1);
  g_assert_cmpuint (byline_annotation_get_end (a), ==, 40);

  /* Adding what is already covered changes nothing. */
  g_assert_false (byline_annotation_add_fragment (a, 12, 18));
}

static void
test_overlaps (void)
{
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("speakers", "QUOTE", 0, 14);

  byline_annotation_add_fragment (a, 30, 40);
  g_assert_true (byline_annotation_overlaps (a, 13, 15));
  g_assert_false (byline_annotation_overlaps (a, 14, 30));
  g_assert_true (byline_annotation_overlaps (a, 20, 31));
  g_assert_false (byline_annotation_overlaps (a, 40, 50));
}

static void
test_attributes_sorted (void)
{
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("claims", "CLAIM", 0, 4);
  g_autoptr(JsonNode) yes = json_node_new (JSON_NODE_VALUE);

  byline_annotation_set_attribute_string (a, "stance", "affirm");
  byline_annotation_set_attribute_string (a, "check_worthy", "yes");
  json_node_set_boolean (yes, TRUE);
  byline_annotation_set_attribute (a, "flag", yes);

  g_assert_cmpuint (byline_annotation_get_n_attributes (a), ==, 3);
  g_assert_cmpstr (byline_annotation_get_attribute_name (a, 0), ==, "check_worthy");
  g_assert_cmpstr (byline_annotation_get_attribute_name (a, 1), ==, "flag");
  g_assert_cmpstr (byline_annotation_get_attribute_name (a, 2), ==, "stance");
  g_assert_cmpstr (byline_annotation_get_attribute_string (a, "stance"), ==, "affirm");
  g_assert_null (byline_annotation_get_attribute_string (a, "flag"));
  g_assert_true (json_node_get_boolean (byline_annotation_get_attribute (a, "flag")));

  byline_annotation_set_attribute_string (a, "stance", "refute");
  g_assert_cmpstr (byline_annotation_get_attribute_string (a, "stance"), ==, "refute");
  byline_annotation_set_attribute (a, "flag", NULL);
  g_assert_cmpuint (byline_annotation_get_n_attributes (a), ==, 2);
  g_assert_null (byline_annotation_get_attribute (a, "flag"));
}

static void
test_copy_equal (void)
{
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "PERSON", 3, 8);
  g_autoptr(BylineAnnotation) b = NULL;

  byline_annotation_set_id (a, "a1");
  byline_annotation_set_status (a, BYLINE_STATUS_SUGGESTED);
  byline_annotation_set_origin (a, "rules:entities");
  byline_annotation_set_confidence (a, 0.75);
  byline_annotation_set_note (a, "check the spelling");
  byline_annotation_set_attribute_string (a, "x", "y");
  byline_annotation_add_fragment (a, 20, 22);

  b = byline_annotation_copy (a);
  g_assert_true (byline_annotation_equal (a, b));
  g_assert_cmpuint (byline_annotation_get_n_fragments (b), ==, 2);

  byline_annotation_set_label (b, "ORG");
  g_assert_false (byline_annotation_equal (a, b));
  byline_annotation_set_label (b, "PERSON");
  g_assert_true (byline_annotation_equal (a, b));
  byline_annotation_set_confidence (b, 0.5);
  g_assert_false (byline_annotation_equal (a, b));
  byline_annotation_set_confidence (b, 0.75);
  byline_annotation_set_attribute_string (b, "x", "z");
  g_assert_false (byline_annotation_equal (a, b));
  byline_annotation_set_attribute_string (b, "x", "y");
  byline_annotation_set_range (b, 3, 8);
  g_assert_false (byline_annotation_equal (a, b));
}

static void
test_status_names (void)
{
  BylineStatus status;

  g_assert_true (byline_status_from_string ("rejected", &status));
  g_assert_cmpint (status, ==, BYLINE_STATUS_REJECTED);
  g_assert_cmpstr (byline_status_to_string (BYLINE_STATUS_ACCEPTED), ==, "accepted");
  g_assert_false (byline_status_from_string ("maybe", &status));
  g_assert_false (byline_status_from_string (NULL, &status));
}

static void
test_relation_copy (void)
{
  g_autoptr(BylineRelation) r = byline_relation_new ("said_by", "a1", "a2");
  g_autoptr(BylineRelation) c = NULL;
  g_autoptr(JsonNode) v = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (v, "high");
  byline_relation_set_attribute (r, "certainty", v);
  c = byline_relation_copy (r);
  g_assert_true (byline_relation_equal (r, c));
  byline_relation_set_to (c, "a3");
  g_assert_false (byline_relation_equal (r, c));
  g_assert_cmpstr (byline_relation_get_relation_type (c), ==, "said_by");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/annotation/fragments-merge", test_fragments_merge);
  g_test_add_func ("/annotation/overlaps", test_overlaps);
  g_test_add_func ("/annotation/attributes-sorted", test_attributes_sorted);
  g_test_add_func ("/annotation/copy-equal", test_copy_equal);
  g_test_add_func ("/annotation/status-names", test_status_names);
  g_test_add_func ("/relation/copy", test_relation_copy);
  return g_test_run ();
}
