package org.xinyong.calendar.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * At start-up, loads the bundled years and the operators' folder into the database and the calendar from it;
 * then scans the folder and re-synchronises with the database every {@code xinyong.calendar.scan-interval}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

	private final CalendarProperties properties;
	private final HolidayFolder folder;
	private final CalendarService calendar;

	CalendarConfiguration(CalendarProperties properties, HolidayFolder folder, CalendarService calendar) {
		this.properties = properties;
		this.folder = folder;
		this.calendar = calendar;
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ApplicationRunner calendarStartup(BundledYears bundled) {
		return (ApplicationArguments args) -> {
			bundled.load();
			folder.scan();
			calendar.reload();
		};
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (properties.scanInterval() == null || properties.scanInterval().isNegative()
				|| properties.scanInterval().isZero()) {
			log.info("Periodic scan of the holiday folder is disabled");
			return;
		}
		registrar.addFixedDelayTask(
				new FixedDelayTask(this::refresh, properties.scanInterval(), properties.scanInterval()));
	}

	private void refresh() {
		try {
			folder.scan();
			calendar.refreshIfChanged();
		}
		catch (RuntimeException e) {
			log.warn("Refreshing the working-day calendar failed; will retry", e);
		}
	}
}
