package io.vask.bench.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.bench.client.FrameListener;
import io.vask.bench.client.LoadClient;
import io.vask.bench.client.WsSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ceiling relays a client event to the channel's other subscribers, not to its sender. */
class CeilingRelayTest {
  private static final String CHANNEL = "private-pair";
  private static final String EVENT =
      "{\"event\":\"client-bench\",\"channel\":\"" + CHANNEL + "\",\"data\":\"@@1.2\"}";

  private final Map<Integer, BlockingQueue<String>> received = new ConcurrentHashMap<>();
  private final FrameListener listener =
      (socket, buf, from, to) ->
          inbox(socket.tag).add(buf.toString(from, to - from, StandardCharsets.UTF_8));

  @Test
  void relaysClientEventsToTheOtherSubscribersOnly() throws Exception {
    try (CeilingServer ceiling = CeilingServer.start("127.0.0.1", 0);
        LoadClient client = new LoadClient("127.0.0.1", ceiling.port(), "key", List.of(), 1)) {
      List<WsSocket> sockets = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        WsSocket socket = client.connect(listener, i).get(10, TimeUnit.SECONDS);
        socket.sendText(
            "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + CHANNEL + "\"}}");
        assertThat(next(i)).contains("subscription_succeeded").contains(CHANNEL);
        sockets.add(socket);
      }

      sockets.get(0).sendText(EVENT);

      assertThat(next(1)).isEqualTo(EVENT);
      assertThat(next(2)).isEqualTo(EVENT);
      // the sender's pong comes after anything relayed to it: only the pong may arrive
      sockets.get(0).sendText("{\"event\":\"pusher:ping\",\"data\":{}}");
      assertThat(next(0)).contains("pusher:pong");
    }
  }

  private BlockingQueue<String> inbox(int tag) {
    return received.computeIfAbsent(tag, t -> new LinkedBlockingQueue<>());
  }

  private String next(int tag) throws InterruptedException {
    String text = inbox(tag).poll(10, TimeUnit.SECONDS);
    assertThat(text).as("a frame for socket " + tag).isNotNull();
    return text;
  }
}
