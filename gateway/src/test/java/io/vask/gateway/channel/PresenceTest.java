package io.vask.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Presence channels (PROTOCOL.md §2.6): members per user, added/removed frames, limits. */
class PresenceTest {
  static final String APP =
      "{\"id\":\"1\",\"key\":\"k1\",\"secret\":\"s1\",\"maxPresenceMembers\":2,"
          + "\"userAuthentication\":true}";
  static final String ROOM = "presence-room";
  final ChannelFixture node = new ChannelFixture(APP);

  @AfterEach
  void close() {
    node.close();
  }

  static String member(String id, String name) {
    return "{\"user_id\":\"" + id + "\",\"user_info\":{\"name\":\"" + name + "\"}}";
  }

  @Test
  void firstMemberGetsItselfInTheMemberList() {
    WireClient ann = node.connect("1");
    ann.subscribePresence(ROOM, member("1", "Ann"));
    assertThat(ann.take())
        .containsExactly(
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"presence-room\","
                + "\"data\":\"{\\\"presence\\\":{\\\"ids\\\":[\\\"1\\\"],\\\"hash\\\":{\\\"1\\\":"
                + "{\\\"name\\\":\\\"Ann\\\"}},\\\"count\\\":1}}\"}");
    assertThat(node.webhooks().events())
        .containsExactly("channel_occupied 1 presence-room", "member_added 1 presence-room 1");
  }

  @Test
  void aNewUserIsAnnouncedToTheOthersButNotToItself() {
    WireClient ann = node.connect("1");
    ann.subscribePresence(ROOM, member("1", "Ann"));
    ann.take();
    WireClient bob = node.connect("1");
    bob.subscribePresence(ROOM, "{\"user_id\":7,\"user_info\":{\"name\":\"Bob\"}}");

    assertThat(ann.take())
        .containsExactly(
            "{\"event\":\"pusher_internal:member_added\",\"channel\":\"presence-room\",\"data\":"
                + "\"{\\\"user_id\\\":\\\"7\\\",\\\"user_info\\\":{\\\"name\\\":\\\"Bob\\\"}}\"}");
    assertThat(bob.take())
        .singleElement()
        .asString()
        .contains("\\\"ids\\\":[\\\"1\\\",\\\"7\\\"]")
        .contains("\\\"count\\\":2");
  }

  @Test
  void aSecondConnectionOfTheSameUserIsNoNewMemberAndItsLeaveRemovesNobody() {
    WireClient ann = node.connect("1");
    ann.subscribePresence(ROOM, member("1", "Ann"));
    WireClient bob = node.connect("1");
    bob.subscribePresence(ROOM, member("7", "Bob"));
    ann.take();
    WireClient bobAgain = node.connect("1");
    bobAgain.subscribePresence(ROOM, member("7", "Bob"));
    assertThat(ann.take()).as("no member_added for a known user").isEmpty();

    bobAgain.disconnect();
    assertThat(ann.take()).as("Bob still has a connection").isEmpty();
    bob.unsubscribe(ROOM);
    assertThat(ann.take())
        .containsExactly(
            "{\"event\":\"pusher_internal:member_removed\",\"channel\":\"presence-room\","
                + "\"data\":\"{\\\"user_id\\\":\\\"7\\\"}\"}");
    node.endGrace();
    assertThat(node.webhooks().events())
        .containsOnlyOnce("member_added 1 presence-room 7", "member_removed 1 presence-room 7");
  }

  @Test
  void theMemberLimitRefusesNewUsersButNotNewConnectionsOfMembers() {
    node.connect("1").subscribePresence(ROOM, member("1", "Ann"));
    node.connect("1").subscribePresence(ROOM, member("2", "Cy"));
    WireClient third = node.connect("1");
    third.subscribePresence(ROOM, member("3", "Di"));
    assertThat(third.take())
        .last()
        .isEqualTo(
            "{\"event\":\"pusher:subscription_error\",\"channel\":\"presence-room\",\"data\":"
                + "{\"type\":\"LimitReached\",\"error\":\"Presence channel presence-room has its"
                + " maximum number of members\",\"status\":4100}}");
    WireClient annAgain = node.connect("1");
    annAgain.subscribePresence(ROOM, member("1", "Ann"));
    assertThat(annAgain.take())
        .singleElement()
        .asString()
        .startsWith("{\"event\":\"pusher_internal:subscription_succeeded\"");
  }

  @Test
  void channelDataIsSignedWithTheSubscription() {
    WireClient mallory = node.connect("1");
    String auth = mallory.auth(mallory.socketId() + ":" + ROOM + ":" + member("1", "Ann"));
    mallory.send(
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-room\",\"auth\":\""
            + auth
            + "\",\"channel_data\":\"{\\\"user_id\\\":\\\"admin\\\"}\"}}");
    assertThat(mallory.take())
        .last()
        .asString()
        .startsWith(
            "{\"event\":\"pusher:subscription_error\",\"channel\":\"presence-room\","
                + "\"data\":{\"type\":\"AuthError\"");
  }

  @Test
  void withoutChannelDataOnlyASignedInConnectionJoinsAsItsUser() {
    WireClient anonymous = node.connect("1");
    anonymous.subscribeSigned(ROOM);
    assertThat(anonymous.take())
        .first()
        .isEqualTo(
            "{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":\"Presence"
                + " subscription to presence-room needs channel_data or a signed-in user\"}}");

    WireClient signedIn = node.connect("1");
    signedIn.signIn("{\"id\":\"42\",\"user_info\":{\"name\":\"Eve\"}}");
    signedIn.take();
    signedIn.subscribeSigned(ROOM);
    assertThat(signedIn.take())
        .singleElement()
        .asString()
        .contains("\\\"ids\\\":[\\\"42\\\"]")
        .contains("\\\"42\\\":{\\\"name\\\":\\\"Eve\\\"}");
  }
}
