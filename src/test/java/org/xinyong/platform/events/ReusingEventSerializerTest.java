package org.xinyong.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ReusingEventSerializerTest {

	record Changed(long submissionId, List<String> ids) {
	}

	static final class Mutable {
		public String state = "first";
	}

	private final JsonMapper mapper = new JsonMapper();
	private final ReusingEventSerializer serializer = new ReusingEventSerializer(mapper);

	@Test
	void oneRecordEventIsSerializedOnceForAllItsPublications() {
		Changed event = new Changed(42, List.of("a", "b"));
		Object first = serializer.serialize(event);
		assertThat(first).isEqualTo(mapper.writeValueAsString(event)).isEqualTo("{\"submissionId\":42,\"ids\":[\"a\",\"b\"]}");
		for (int listener = 2; listener <= 4; listener++) {
			assertThat(serializer.serialize(event)).isSameAs(first);
		}
	}

	@Test
	void anotherInstanceIsSerializedAfresh() {
		Changed one = new Changed(1, List.of("a"));
		Changed other = new Changed(2, List.of("b"));
		Object json = serializer.serialize(one);
		assertThat(serializer.serialize(other)).isEqualTo("{\"submissionId\":2,\"ids\":[\"b\"]}");
		Changed equal = new Changed(1, List.of("a"));
		assertThat(serializer.serialize(equal)).isEqualTo(json).isNotSameAs(json);
	}

	@Test
	void mutableEventsAreNeverReused() {
		Mutable event = new Mutable();
		assertThat(serializer.serialize(event)).isEqualTo("{\"state\":\"first\"}");
		event.state = "second";
		assertThat(serializer.serialize(event)).isEqualTo("{\"state\":\"second\"}");
	}

	@Test
	void keepsOnlyTheLastEventForAllThreads() throws Exception {
		Changed first = new Changed(7, List.of("x"));
		Object json = serializer.serialize(first);
		Object[] there = new Object[1];
		Thread thread = new Thread(() -> there[0] = serializer.serialize(first));
		thread.start();
		thread.join();
		assertThat(there[0]).isSameAs(json); // the same event from another thread
		serializer.serialize(new Changed(8, List.of("y")));
		assertThat(serializer.serialize(first)).isEqualTo(json).isNotSameAs(json); // no longer kept
	}

	@Test
	void readsWhatItWrote() {
		Changed event = new Changed(9, List.of("p", "q"));
		assertThat(serializer.deserialize(serializer.serialize(event), Changed.class)).isEqualTo(event);
	}
}
