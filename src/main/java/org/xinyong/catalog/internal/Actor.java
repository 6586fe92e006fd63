package org.xinyong.catalog.internal;

/** Who asks for a change: a user name (or {@code system}) and the organisation it acts for, if known. */
public record Actor(String name, Long organisationId) {

	public static final Actor SYSTEM = new Actor("system", null);
}
