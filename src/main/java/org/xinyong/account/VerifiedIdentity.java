package org.xinyong.account;

import java.util.Objects;

import org.xinyong.subject.SubjectType;

/**
 * What an identity provider vouches for: the identifier as the provider gave it (checked and matched to a credit
 * subject afterwards) and, if the provider says so, whether it is an organisation or a person.
 *
 * @param identifier  the unified social credit code or identity document number, as given
 * @param claimedType the type the provider asserts, or null
 */
public record VerifiedIdentity(String identifier, SubjectType claimedType, VerificationMethod method) {

	public VerifiedIdentity {
		Objects.requireNonNull(identifier, "identifier");
		Objects.requireNonNull(method, "method");
	}
}
