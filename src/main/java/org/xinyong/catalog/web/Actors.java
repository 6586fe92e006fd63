package org.xinyong.catalog.web;

import org.springframework.security.core.Authentication;
import org.xinyong.catalog.internal.Actor;
import org.xinyong.platform.OrganisationMember;

/** The actor of a request: the signed-in user or system and the organisation it acts for. */
final class Actors {

	private Actors() {
	}

	static Actor of(Authentication authentication) {
		if (authentication == null) {
			return new Actor("anonymous", null);
		}
		Long organisation = authentication.getPrincipal() instanceof OrganisationMember m ? m.organisationId() : null;
		return new Actor(authentication.getName(), organisation);
	}
}
