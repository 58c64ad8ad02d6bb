/**
 * The apps this gateway serves: lookup by key and id, and hot reload of the apps file. Snapshots
 * are immutable and swapped atomically, so any thread may read; only the reload timer writes.
 */
package io.vask.gateway.app;
