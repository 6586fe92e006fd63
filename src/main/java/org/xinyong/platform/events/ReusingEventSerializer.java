package org.xinyong.platform.events;

import org.springframework.modulith.events.core.EventSerializer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Serializes events for Spring Modulith's event publication registry as JSON, with the application's
 * {@link JsonMapper} (the same text as Spring Modulith's own Jackson serializer), but only once per published event:
 * the registry stores one publication per listener and asks for the event's text once for each, back to back on the
 * publishing thread. A batch of 5,000 record versions has four listeners, so its event was serialized four times.
 * <p>
 * Only immutable events are reused — records, whose fields this platform fills with immutable values — and only for
 * the very same instance (identity, not equality) as the last one serialized. One entry is kept for the whole
 * application, so the cache never holds more than one event's text (about 200 KB for 5,000 versions); when threads
 * interleave, an event is merely serialized again.
 */
public final class ReusingEventSerializer implements EventSerializer {

	private final JsonMapper mapper;

	/** The last record serialized and its text. */
	private final java.util.concurrent.atomic.AtomicReference<Last> last = new java.util.concurrent.atomic.AtomicReference<>();

	private record Last(Object event, String json) {
	}

	public ReusingEventSerializer(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Object serialize(Object event) {
		if (!event.getClass().isRecord()) {
			return mapper.writeValueAsString(event);
		}
		Last previous = last.get();
		if (previous != null && previous.event() == event) {
			return previous.json();
		}
		String json = mapper.writeValueAsString(event);
		last.set(new Last(event, json));
		return json;
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		return mapper.readerFor(type).readValue(serialized.toString());
	}
}
