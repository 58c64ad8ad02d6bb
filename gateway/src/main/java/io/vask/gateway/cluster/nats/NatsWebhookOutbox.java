package io.vask.gateway.cluster.nats;

import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.PullSubscribeOptions;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.cluster.WebhookOutbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook events in the JetStream work-queue stream {@code VASK_WEBHOOKS}. Enqueueing publishes
 * with {@code Nats-Msg-Id} = event id, so a repeated enqueue is stored once; a failed publish is
 * retried until the stream has it. Every node pulls from the one durable consumer, so each event
 * goes to one node; it is acked when the deliverer is done (delivered or given up), kept alive
 * meanwhile, and handed out again if its node dies first: delivery is at least once.
 */
public final class NatsWebhookOutbox implements WebhookOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(NatsWebhookOutbox.class);
  static final String STREAM = "VASK_WEBHOOKS";
  static final String SUBJECT = "vask.webhooks";
  static final String CONSUMER = "vask-webhooks";
  static final int MAX_IN_FLIGHT = 1000;

  private final JetStream jetStream;
  private final Link link;
  private final ScheduledExecutorService timer;
  private final Map<String, WebhookEvent> unpublished = new ConcurrentHashMap<>();
  private final Map<Message, Boolean> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong lost = new AtomicLong();
  private volatile boolean running = true;
  private Thread puller;

  NatsWebhookOutbox(JetStream jetStream, Link link, ScheduledExecutorService timer) {
    this.jetStream = jetStream;
    this.link = link;
    this.timer = timer;
  }

  @Override
  public void enqueue(WebhookEvent event) {
    unpublished.put(event.id(), event);
    publish(event);
  }

  private void publish(WebhookEvent event) {
    PublishOptions options = PublishOptions.builder().messageId(event.id()).build();
    try {
      jetStream
          .publishAsync(SUBJECT, null, WebhookCodec.encode(event), options)
          .whenComplete(
              (ack, error) -> {
                if (error == null) {
                  unpublished.remove(event.id());
                } else {
                  retryLater(event, error);
                }
              });
    } catch (RuntimeException e) {
      retryLater(event, e);
    }
  }

  private void retryLater(WebhookEvent event, Throwable error) {
    if (!running) {
      lost.incrementAndGet();
      LOG.warn("webhook {} {} not stored before shutdown", event.type().wireName(), event.id());
      return;
    }
    LOG.debug("webhook {} not stored yet: {}", event.id(), error.toString());
    timer.schedule(() -> publish(event), 1, TimeUnit.SECONDS);
  }

  @Override
  public void start(Deliverer deliverer) {
    timer.scheduleWithFixedDelay(this::keepAlive, 10, 10, TimeUnit.SECONDS);
    puller = new Thread(() -> pull(deliverer), "vask-webhook-puller");
    puller.setDaemon(true);
    puller.start();
  }

  private void pull(Deliverer deliverer) {
    JetStreamSubscription subscription = null;
    while (running) {
      try {
        if (!link.up() || inFlight.size() >= MAX_IN_FLIGHT) {
          Thread.sleep(200);
          continue;
        }
        if (subscription == null) {
          subscription = jetStream.subscribe(SUBJECT, PullSubscribeOptions.bind(STREAM, CONSUMER));
        }
        int room = Math.min(64, MAX_IN_FLIGHT - inFlight.size());
        List<Message> messages = subscription.fetch(room, Duration.ofSeconds(1));
        for (Message message : messages) {
          hand(deliverer, message);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (running) {
          LOG.debug("webhook pull failed, subscribing again: {}", e.toString());
          subscription = null;
          sleepQuietly();
        }
      }
    }
  }

  private void hand(Deliverer deliverer, Message message) {
    WebhookEvent event = WebhookCodec.decode(message.getData()).orElse(null);
    if (event == null) {
      lost.incrementAndGet();
      LOG.warn("unreadable webhook message dropped");
      message.term();
      return;
    }
    inFlight.put(message, Boolean.TRUE);
    try {
      deliverer
          .deliver(event)
          .whenComplete(
              (ok, error) -> {
                inFlight.remove(message);
                message.ack();
              });
    } catch (RuntimeException e) {
      inFlight.remove(message);
      LOG.error("webhook deliverer failed for {}", event.type().wireName(), e);
      message.ack();
    }
  }

  /** Tells the server the events being retried are still ours (their retry span is 5 minutes). */
  private void keepAlive() {
    if (link.up()) {
      inFlight
          .keySet()
          .forEach(
              m -> {
                try {
                  m.inProgress();
                } catch (RuntimeException e) {
                  LOG.debug("in-progress not sent: {}", e.toString());
                }
              });
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Events this node holds: not yet stored in the stream, or being delivered by it. */
  @Override
  public long depth() {
    return unpublished.size() + inFlight.size();
  }

  @Override
  public long lost() {
    return lost.get();
  }

  @Override
  public void close() {
    running = false;
    if (puller != null) {
      puller.interrupt();
    }
  }
}
