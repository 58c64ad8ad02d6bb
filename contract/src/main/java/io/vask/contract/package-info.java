/**
 * The apps file: the one contract between the operator (which renders it into a Secret) and the
 * gateway (which reads and hot-reloads it). Plain immutable records with Jackson bindings, defaults
 * applied in one place, and a validator that lists every problem at once. No threads, no I/O beyond
 * {@link io.vask.contract.AppsFileCodec}.
 */
package io.vask.contract;
