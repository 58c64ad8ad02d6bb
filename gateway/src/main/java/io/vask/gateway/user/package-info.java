/**
 * User features (PROTOCOL.md §5): sign-in, server-to-user delivery, watchlists, terminating a
 * user's connections, and the authorized-connections timeout. A signed-in session sits in the
 * node's registry under its {@code #server-to-user-{id}} channel, so user events use the normal
 * fan-out path. Session state is touched on its loop; the watcher index is concurrent.
 */
package io.vask.gateway.user;
