package io.vask.gateway.cluster;

import java.util.List;

/** A {@link BusListener} that records what a bus delivers into the given lists. */
public final class BusRecorder {
  private BusRecorder() {}

  public static BusListener into(List<ChannelEvent> events, List<ControlMessage> controls) {
    return new BusListener() {
      @Override
      public void deliver(ChannelEvent event) {
        events.add(event);
      }

      @Override
      public void control(ControlMessage message) {
        controls.add(message);
      }
    };
  }
}
