package org.xinyong.platform.events;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;

import tools.jackson.databind.json.JsonMapper;

/** Replaces Spring Modulith's Jackson event serializer (it backs off when one is defined) by the reusing one. */
@Configuration(proxyBeanMethods = false)
class EventSerializationConfiguration {

	@Bean
	EventSerializer eventSerializer(ObjectProvider<JsonMapper> mapper) {
		return new ReusingEventSerializer(mapper.getIfAvailable(JsonMapper::new));
	}
}
