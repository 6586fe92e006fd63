package org.xinyong.access;

import org.xinyong.platform.OrganisationMember;

/**
 * A department system authenticated by an API key. Its name in logs is {@code api-key:<prefix>}.
 *
 * @param keyId     the API key's id
 * @param keyPrefix the first characters of the key, safe to show
 */
public record SystemPrincipal(long keyId, String keyPrefix, String keyName, Organisation organisation)
		implements OrganisationMember {

	public String name() {
		return "api-key:" + keyPrefix;
	}

	@Override
	public long organisationId() {
		return organisation.id();
	}

	@Override
	public String organisationCode() {
		return organisation.code();
	}

	@Override
	public String toString() {
		return name();
	}
}
