package io.vask.gateway.channel;

import io.vask.contract.AppSettings;
import io.vask.gateway.protocol.PusherError;
import io.vask.gateway.testing.RecordingTransport;
import java.util.List;

/**
 * One connection as a client sees it: text frames in ({@link #send}, handed to the use cases as the
 * WebSocket handler hands them), the frames written back out ({@link #take}). Signs auth values
 * with its app's credentials.
 */
public final class WireClient {
  private final ChannelFixture fixture;
  private final Session session;
  private final RecordingTransport transport;

  WireClient(ChannelFixture fixture, Session session, RecordingTransport transport) {
    this.fixture = fixture;
    this.session = session;
    this.transport = transport;
  }

  public String socketId() {
    return session.socketId();
  }

  /** Sends one text frame and lets the loops run. */
  public void send(String frame) {
    fixture.receive(session, frame);
  }

  public void subscribe(String channel) {
    send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
  }

  /** Subscribes with a valid {@code auth} for a private or encrypted channel. */
  public void subscribeSigned(String channel) {
    subscribeWithAuth(channel, auth(socketId() + ":" + channel));
  }

  public void subscribeWithAuth(String channel, String auth) {
    send(
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
            + channel
            + "\",\"auth\":\""
            + auth
            + "\"}}");
  }

  /** Subscribes to a presence channel with signed {@code channel_data} (a JSON text). */
  public void subscribePresence(String channel, String channelData) {
    String auth = auth(socketId() + ":" + channel + ":" + channelData);
    send(
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
            + channel
            + "\",\"auth\":\""
            + auth
            + "\",\"channel_data\":"
            + quote(channelData)
            + "}}");
  }

  public void unsubscribe(String channel) {
    send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
  }

  /** Sends {@code pusher:signin} with a valid signature of {@code userData} (a JSON text). */
  public void signIn(String userData) {
    String auth = auth(socketId() + "::user::" + userData);
    send(
        "{\"event\":\"pusher:signin\",\"data\":{\"auth\":\""
            + auth
            + "\",\"user_data\":"
            + quote(userData)
            + "}}");
  }

  /** Sends a client event with {@code data} as given (any JSON value). */
  public void trigger(String channel, String event, String data) {
    send("{\"event\":\"" + event + "\",\"channel\":\"" + channel + "\",\"data\":" + data + "}");
  }

  /** The socket went away: every subscription is undone. */
  public void disconnect() {
    fixture.depart(session);
  }

  /** The frames received since the last call. */
  public List<String> take() {
    return transport.take();
  }

  /** The close code the server closed this connection with, or null while open. */
  public Integer closeCode() {
    List<PusherError.Message> closes = transport.closes();
    return closes.isEmpty() ? null : closes.get(closes.size() - 1).code();
  }

  /** {@code key:signature} of {@code text} with this client's app credentials. */
  public String auth(String text) {
    AppSettings app = fixture.apps().byId(session.appId()).orElseThrow();
    return app.key() + ":" + Hmac.sha256Hex(app.secret(), text);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
