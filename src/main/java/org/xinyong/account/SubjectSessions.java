package org.xinyong.account;

import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where a subject's sign-in is kept in the session (apart from staff sign-ins). Modules that serve signed-in subjects
 * outside {@code /account/**} (e.g. the objection API) read the sign-in from here in their own filter chain.
 */
public final class SubjectSessions {

	private static final SecurityContextRepository REPOSITORY = repository();

	private SubjectSessions() {
	}

	private static SecurityContextRepository repository() {
		HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
		repository.setSpringSecurityContextKey("XINYONG_SUBJECT_SECURITY_CONTEXT");
		return repository;
	}

	/** The repository of subject sign-ins. */
	public static SecurityContextRepository contexts() {
		return REPOSITORY;
	}
}
