package org.xinyong.objection;

import java.util.Set;

/**
 * A member of staff acting on a case.
 *
 * @param actor          the user name (audit actor)
 * @param organisationId the organisation the user acts for
 * @param roles          role names without {@code ROLE_}
 */
public record Handler(String actor, long organisationId, Set<String> roles) {

	public Handler {
		roles = Set.copyOf(roles);
	}

	/** The credit centre's staff who supervise every case (platform administrators and reviewers). */
	public boolean platform() {
		return roles.contains("PLATFORM_ADMIN") || roles.contains("REVIEWER");
	}

	public boolean providerOperator() {
		return roles.contains("PROVIDER_OPERATOR");
	}
}
