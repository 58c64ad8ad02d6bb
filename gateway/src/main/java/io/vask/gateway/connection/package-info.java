/**
 * The life of one Pusher connection as use cases the transport calls: {@link
 * io.vask.gateway.connection.Admission} (who may connect, PROTOCOL.md §1.1, and the app's
 * connection quota), {@link io.vask.gateway.connection.InboundMessages} (each client message to its
 * use case) and {@link io.vask.gateway.connection.Departure} (everything a closed connection leaves
 * behind). Plain Java over {@link io.vask.gateway.channel.Transport}; it sits above {@code channel}
 * and {@code user} because both take part in a connection's arrival and departure.
 */
package io.vask.gateway.connection;
