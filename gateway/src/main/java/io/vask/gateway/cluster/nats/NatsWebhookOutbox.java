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

  /**
   * Encoded events not yet stored in the stream (NATS down) this node keeps; past it the oldest is
   * dropped and counted in {@link #lost}, so an outage costs a fixed amount of memory.
   */
  static final long MAX_UNPUBLISHED_BYTES = 16L << 20;

  private final JetStream jetStream;
  private final Link link;
  private final ScheduledExecutorService timer;
  private final Unpublished unpublished = new Unpublished(MAX_UNPUBLISHED_BYTES);
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
    Unpublished.Entry entry = new Unpublished.Entry(event.id(), WebhookCodec.encode(event));
    int evicted = unpublished.add(entry);
    if (evicted > 0) {
      lost.addAndGet(evicted);
      LOG.debug("{} unstored webhook event(s) dropped: NATS unreachable too long", evicted);
    }
    if (link.up()) {
      publish(entry);
    }
  }

  /** One publish at a time per event: a failed one is tried again by {@link #republish}. */
  private void publish(Unpublished.Entry entry) {
    if (!unpublished.startPublishing(entry)) {
      return;
    }
    PublishOptions options = PublishOptions.builder().messageId(entry.id()).build();
    try {
      jetStream
          .publishAsync(SUBJECT, null, entry.body(), options)
          .whenComplete(
              (ack, error) -> {
                if (error == null) {
                  unpublished.forget(entry);
                } else {
                  notStored(entry, error);
                }
              });
    } catch (RuntimeException e) {
      notStored(entry, e);
    }
  }

  private void notStored(Unpublished.Entry entry, Throwable error) {
    unpublished.failed(entry);
    if (!running && unpublished.forget(entry)) {
      lost.incrementAndGet();
      LOG.warn("webhook {} not stored before shutdown", entry.id());
      return;
    }
    LOG.debug("webhook {} not stored yet: {}", entry.id(), error.toString());
  }

  /** Every second while NATS is reachable: publishes again what is not stored yet. */
  private void republish() {
    if (link.up()) {
      unpublished.waiting().forEach(this::publish);
    }
  }

  @Override
  public void start(Deliverer deliverer) {
    timer.scheduleWithFixedDelay(this::keepAlive, 10, 10, TimeUnit.SECONDS);
    timer.scheduleWithFixedDelay(this::republish, 1, 1, TimeUnit.SECONDS);
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
    return unpublished.count() + inFlight.size();
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
