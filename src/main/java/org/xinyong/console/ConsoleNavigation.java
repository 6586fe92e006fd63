package org.xinyong.console;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.xinyong.platform.web.ConsoleMenuItem;

/** The console menu a given user sees: every contributed item whose roles the user holds. */
@Component("consoleNavigation")
public class ConsoleNavigation {

	private final List<ConsoleMenuItem> items;

	ConsoleNavigation(List<ConsoleMenuItem> items) {
		this.items = items.stream().sorted(Comparator.comparingInt(ConsoleMenuItem::order)).toList();
	}

	public List<ConsoleMenuItem> itemsFor(Authentication authentication) {
		if (authentication == null) {
			return List.of();
		}
		Set<String> held = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.collect(Collectors.toSet());
		return items.stream().filter(i -> i.roles().isEmpty() || i.roles().stream().anyMatch(held::contains)).toList();
	}
}
