package io.vask.gateway.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a membership store reports, as {@code "kind app channel [user]"} lines. */
public final class RecordingListener implements MembershipListener {
  public final List<String> seen = new CopyOnWriteArrayList<>();

  /** Other nodes' count changes this node observed, apart: they come from every node. */
  public final List<String> observed = new CopyOnWriteArrayList<>();

  @Override
  public void channelOccupied(String appId, String channel) {
    seen.add("occupied " + appId + " " + channel);
  }

  @Override
  public void memberAdded(
      String appId, String channel, io.vask.gateway.protocol.PresenceMember member) {
    seen.add("added " + appId + " " + channel + " " + member.userId());
  }

  @Override
  public void userOnline(String appId, String userId) {
    seen.add("online " + appId + " " + userId);
  }

  @Override
  public void channelVacated(String appId, String channel) {
    seen.add("vacated " + appId + " " + channel);
  }

  @Override
  public void memberRemoved(String appId, String channel, String userId) {
    seen.add("removed " + appId + " " + channel + " " + userId);
  }

  @Override
  public void memberEvicted(String appId, String channel, String userId) {
    seen.add("evicted " + appId + " " + channel + " " + userId);
  }

  @Override
  public void userOffline(String appId, String userId) {
    seen.add("offline " + appId + " " + userId);
  }

  @Override
  public void countChanged(String appId, String channel) {
    seen.add("count " + appId + " " + channel);
  }

  @Override
  public void countObserved(String appId, String channel) {
    observed.add(appId + " " + channel);
  }
}
