package io.vask.gateway.app;

import io.vask.contract.AppSettings;
import io.vask.contract.AppsFile;
import io.vask.contract.AppsFileCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apps read from the apps file and re-read when its content changes. Polling the content hash (not
 * file events) because Kubernetes updates mounted Secrets by swapping symlinks, which file watchers
 * miss. A broken file on reload keeps the last good apps and is logged. A reload drops only the
 * sockets of apps it removed or disabled (its listeners do that).
 */
public final class FileAppRegistry implements AppRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(FileAppRegistry.class);

  private final Path path;
  private final ScheduledExecutorService timer;
  private volatile AppSnapshot snapshot;
  private volatile byte[] digest;
  private byte[] rejectedDigest; // only the reload timer touches it
  private final List<Runnable> onReload = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicLong failedReloads =
      new java.util.concurrent.atomic.AtomicLong();

  /** Reads the file now (failing fast on problems) and checks it again every {@code period}. */
  public FileAppRegistry(Path path, long periodMillis) {
    this.path = path;
    AppsFile file = AppsFileCodec.read(path);
    this.snapshot = new AppSnapshot(file.apps());
    this.digest = digestOf(path);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vask-apps-reload");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::reloadIfChanged, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Called after each successful reload (live sockets of removed or disabled apps are closed). */
  public void onReload(Runnable listener) {
    onChange(listener);
  }

  @Override
  public void onChange(Runnable listener) {
    onReload.add(listener);
  }

  void reloadIfChanged() {
    try {
      byte[] current = digestOf(path);
      if (current == null
          || Arrays.equals(current, digest)
          || Arrays.equals(current, rejectedDigest)) {
        return;
      }
      rejectedDigest = current;
      AppsFile file = AppsFileCodec.read(path);
      snapshot = new AppSnapshot(file.apps());
      digest = current;
      LOG.info("apps file reloaded: {} app(s)", file.apps().size());
      onReload.forEach(Runnable::run);
    } catch (AppsFileCodec.InvalidAppsFile e) {
      failedReloads.incrementAndGet();
      LOG.error("apps file {} has problems, keeping the previous apps: {}", path, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("apps file reload failed", e);
    }
  }

  /** Reloads refused because the changed file had problems (the previous apps stay). */
  public long failedReloads() {
    return failedReloads.get();
  }

  private static byte[] digestOf(Path path) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
    } catch (java.io.IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<AppSettings> byKey(String key) {
    return snapshot.byKey(key);
  }

  @Override
  public Optional<AppSettings> byId(String id) {
    return snapshot.byId(id);
  }

  @Override
  public Collection<AppSettings> all() {
    return snapshot.all();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
