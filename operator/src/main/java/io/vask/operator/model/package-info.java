/**
 * The {@code VaskApp} custom resource ({@code vask.dev/v1alpha1}) as Java types. These classes are
 * the source of the CRD in {@code crds/}: the schema, validation rules (ranges, patterns, enums,
 * CEL) and printer columns are generated from their annotations. Plain mutable Jackson beans with
 * public fields, because fabric8 and Jackson both bind them without extra code; they hold no logic
 * beyond small read-only questions about the spec.
 */
package io.vask.operator.model;
