package org.xinyong.account;

import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xinyong.subject.SubjectType;

/**
 * A credit subject signed in to the website as itself (role {@value #ROLE}). Its {@link #getName()} — the actor
 * of audit entries — is {@code subject:<id>}, so no personal number lands in the actor column.
 *
 * @param subjectId the credit subject's id
 * @param code      its identifier (unified social credit code or identity document number), normalised
 * @param name      its most recently seen name, if any
 * @param method    how it proved who it is
 */
public record SubjectPrincipal(long subjectId, String code, SubjectType type, String name, VerificationMethod method)
		implements Principal, Serializable {

	/** The role every signed-in subject has (authority {@code ROLE_SUBJECT}). */
	public static final String ROLE = "SUBJECT";

	@Override
	public String getName() {
		return "subject:" + subjectId;
	}

	/** The subject signed in to the current request, if any (pages under {@code /account/**}). */
	public static Optional<SubjectPrincipal> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof SubjectPrincipal p ? Optional.of(p) : Optional.empty();
	}
}
