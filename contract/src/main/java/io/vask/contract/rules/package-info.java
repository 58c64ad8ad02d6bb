/**
 * Validation rules shared by the gateway and the operator, each written once: app ids, NATS URLs,
 * webhook URLs. The regular expressions are compile-time constants so the operator's CRD model can
 * use them in schema annotations. Pure functions.
 */
package io.vask.contract.rules;
