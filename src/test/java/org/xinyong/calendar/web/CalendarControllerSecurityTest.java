package org.xinyong.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Loading a year is reserved to platform administrators (enforced once method security is enabled); reading is
 * public.
 */
class CalendarControllerSecurityTest {

	@Test
	void everyUploadRequiresThePlatformAdminRole() {
		Method[] posts = Arrays.stream(CalendarController.class.getDeclaredMethods())
			.filter(m -> m.isAnnotationPresent(PostMapping.class))
			.toArray(Method[]::new);
		assertThat(posts).hasSize(2).allSatisfy(m -> assertThat(m.getAnnotation(PreAuthorize.class))
			.as(m.getName())
			.isNotNull()
			.extracting(PreAuthorize::value)
			.isEqualTo("hasRole('PLATFORM_ADMIN')"));
	}

	@Test
	void readingIsNotRestricted() {
		assertThat(CalendarController.class.getDeclaredMethods())
			.filteredOn(m -> m.isAnnotationPresent(GetMapping.class))
			.isNotEmpty()
			.allSatisfy(m -> assertThat(m.isAnnotationPresent(PreAuthorize.class)).as(m.getName()).isFalse());
		assertThat(CalendarController.class.isAnnotationPresent(PreAuthorize.class)).isFalse();
	}
}
