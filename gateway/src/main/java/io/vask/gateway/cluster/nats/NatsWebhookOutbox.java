package io.vask.gateway.cluster.nats;

import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.cluster.WebhookOutbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook events in the JetStream work-queue stream {@code VASK_WEBHOOKS}, subject {@code
 * vask.webhooks.<app>}. Enqueueing publishes with {@code Nats-Msg-Id} = event id, so a repeated
 * enqueue is stored once; a failed publish is retried until the stream has it. Each app has its own
 * durable consumer {@code vask-webhooks-<app>}, and a node pulls only from the consumers of the
 * apps it serves: each event goes to one node of its app's fleet, never to a node that does not
 * serve the app. It is acked when the deliverer is done (delivered or given up), kept alive
 * meanwhile, and handed out again if its node dies first or stops serving the app: delivery is at
 * least once.
 */
public final class NatsWebhookOutbox implements WebhookOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(NatsWebhookOutbox.class);
  static final String STREAM = "VASK_WEBHOOKS";
  static final String SUBJECTS = "vask.webhooks.*";
  static final String CONSUMER_PREFIX = "vask-webhooks-";
  static final int MAX_IN_FLIGHT = 1000;

  /** How often the stream's discards are derived: a low rate, off the data path. */
  static final long DISCARD_CHECK_SECONDS = 10;

  private final JetStream jetStream;
  private final JetStreamManagement jetStreamManagement;
  private final Link link;
  private final ScheduledExecutorService timer;
  private final Unpublished unpublished;
  private final StreamDiscards discards;
  private final Map<Message, Boolean> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong lost = new AtomicLong();
  private final Set<String> served = ConcurrentHashMap.newKeySet();
  private final Map<String, Thread> pullers = new ConcurrentHashMap<>();
  private volatile boolean running = true;
  private volatile Deliverer deliverer;

  NatsWebhookOutbox(
      JetStream jetStream,
      JetStreamManagement jetStreamManagement,
      Link link,
      ScheduledExecutorService timer,
      Unpublished unpublished,
      StreamDiscards discards) {
    this.jetStream = jetStream;
    this.jetStreamManagement = jetStreamManagement;
    this.link = link;
    this.timer = timer;
    this.unpublished = unpublished;
    this.discards = discards;
  }

  @Override
  public void enqueue(WebhookEvent event) {
    Unpublished.Entry entry =
        new Unpublished.Entry(
            event.id(),
            event.appId(),
            Tokens.webhookSubject(event.appId()),
            WebhookCodec.encode(event));
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
          .publishAsync(entry.subject(), null, entry.body(), options)
          .whenComplete(
              (ack, error) -> {
                if (error == null) {
                  unpublished.forget(entry);
                  if (!ack.isDuplicate()) {
                    discards.stored(entry.appId(), ack.getSeqno());
                  }
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
    timer.scheduleWithFixedDelay(
        discards::check, DISCARD_CHECK_SECONDS, DISCARD_CHECK_SECONDS, TimeUnit.SECONDS);
    synchronized (pullers) {
      this.deliverer = deliverer;
      served.forEach(app -> pullers.put(app, puller(app)));
    }
  }

  /** Consumes {@code appId}'s events from now on (before or after {@link #start}). */
  void serve(String appId) {
    synchronized (pullers) {
      if (served.add(appId) && deliverer != null) {
        pullers.put(appId, puller(appId));
      }
    }
  }

  /** Stops taking {@code appId}'s events; those in hand finish, the rest wait for its fleet. */
  void stopServing(String appId) {
    Thread puller;
    synchronized (pullers) {
      served.remove(appId);
      puller = pullers.remove(appId);
    }
    if (puller != null) {
      puller.interrupt();
    }
  }

  boolean serves(String appId) {
    return served.contains(appId);
  }

  private Thread puller(String appId) {
    Thread puller = new Thread(() -> pull(appId), "vask-webhook-puller-" + appId);
    puller.setDaemon(true);
    puller.start();
    return puller;
  }

  private void pull(String appId) {
    JetStreamSubscription subscription = null;
    while (running && serves(appId)) {
      try {
        if (!link.up() || inFlight.size() >= MAX_IN_FLIGHT) {
          Thread.sleep(200);
          continue;
        }
        if (subscription == null) {
          subscription = consumer(appId);
        }
        int room = Math.min(64, MAX_IN_FLIGHT - inFlight.size());
        List<Message> messages = subscription.fetch(room, Duration.ofSeconds(1));
        for (Message message : messages) {
          hand(appId, message);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (running && serves(appId)) {
          LOG.debug("webhook pull failed, subscribing again: {}", e.toString());
          subscription = null;
          sleepQuietly();
        }
      }
    }
  }

  /** Binds to the app's durable consumer, creating it on first use. */
  private JetStreamSubscription consumer(String appId) throws Exception {
    String subject = Tokens.webhookSubject(appId);
    jetStreamManagement.addOrUpdateConsumer(
        STREAM,
        ConsumerConfiguration.builder()
            .durable(CONSUMER_PREFIX + appId)
            .filterSubject(subject)
            .ackPolicy(AckPolicy.Explicit)
            .ackWait(Duration.ofSeconds(30))
            .maxAckPending(10_000)
            .build());
    return jetStream.subscribe(subject, PullSubscribeOptions.bind(STREAM, CONSUMER_PREFIX + appId));
  }

  private void hand(String appId, Message message) {
    if (!serves(appId)) {
      message.nak(); // the app left this node between fetch and now: its fleet takes it
      return;
    }
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
  public long discardedByStream() {
    return discards.discarded();
  }

  /** Encoded bytes of events not yet stored in the stream (for metrics). */
  long unstoredBytes() {
    return unpublished.bytes();
  }

  @Override
  public void close() {
    running = false;
    pullers.values().forEach(Thread::interrupt);
  }
}
