package org.xinyong.platform.web;

import java.util.Set;

/**
 * An entry of the staff console's navigation, contributed as a bean by the module that owns the page.
 *
 * @param labelKey message key of the label
 * @param path     the page's path under {@code /console}
 * @param roles    role names (without {@code ROLE_}) that see the entry; empty for every member of staff
 * @param order    position in the menu, ascending
 */
public record ConsoleMenuItem(String labelKey, String path, Set<String> roles, int order) {

	public ConsoleMenuItem {
		roles = Set.copyOf(roles);
	}
}
