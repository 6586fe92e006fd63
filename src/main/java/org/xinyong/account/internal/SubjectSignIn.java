package org.xinyong.account.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xinyong.account.SubjectIdentityProvider;
import org.xinyong.account.SubjectIdentityProvider.SignInContext;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.account.VerificationMethod;
import org.xinyong.account.VerifiedIdentity;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.platform.DomainException;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.subject.IdentifierCheck;
import org.xinyong.subject.IdentifierIssue;
import org.xinyong.subject.Identifiers;

/**
 * Signs subjects in and out: asks a provider who the subject is, checks the identifier, finds the credit subject
 * and keeps it in the session, apart from staff sign-ins (a session attribute of its own). Every sign-in, failed
 * sign-in and sign-out is audited ({@code SUBJECT_LOGIN}, {@code SUBJECT_LOGOUT}).
 */
@Service
public class SubjectSignIn {

	static final String PROVIDER_UNAVAILABLE = "ACCOUNT_PROVIDER_UNAVAILABLE";

	/** Subject sign-ins live under their own session attribute, so staff and subject sessions never mix. */
	static final SecurityContextRepository CONTEXTS = org.xinyong.account.SubjectSessions.contexts();

	private static final List<SimpleGrantedAuthority> AUTHORITIES = List
		.of(new SimpleGrantedAuthority("ROLE_" + SubjectPrincipal.ROLE));

	private final List<SubjectIdentityProvider> providers;
	private final CreditSubjects subjects;
	private final AuditLog audit;
	private final AccountProperties properties;

	SubjectSignIn(List<SubjectIdentityProvider> providers, CreditSubjects subjects, AuditLog audit,
			AccountProperties properties) {
		this.providers = List.copyOf(providers);
		this.subjects = subjects;
		this.audit = audit;
		this.properties = properties;
	}

	/** Whether the provider of this method is there and may be used now. */
	public boolean enabled(VerificationMethod method) {
		return find(method).isPresent();
	}

	/** The verification code of demo mode's built-in verifier, shown on the login page; empty outside demo mode. */
	public Optional<String> demoCode() {
		return enabled(VerificationMethod.DEMO_CODE) ? Optional.of(properties.demo().code()) : Optional.empty();
	}

	/**
	 * Starts a redirect sign-in: where to send the browser. The provider sends it back to the configured redirect
	 * URI or, by default, to {@code callbackPath} on this site.
	 */
	public URI start(VerificationMethod method, HttpServletRequest request, String callbackPath) {
		SubjectIdentityProvider provider = provider(method);
		String redirectUri = properties.oidc().redirectUri() != null ? properties.oidc().redirectUri()
				: ServletUriComponentsBuilder.fromContextPath(request).path(callbackPath).toUriString();
		SignInContext context = SignInContexts.start(request.getSession(), redirectUri);
		return provider.signInRedirect(context).orElseThrow(() -> DomainException.notFound(PROVIDER_UNAVAILABLE));
	}

	/**
	 * Completes a redirect sign-in from the callback's parameters. The state must match the pending sign-in of
	 * this session.
	 */
	public SubjectPrincipal complete(VerificationMethod method, Map<String, String> parameters,
			HttpServletRequest request, HttpServletResponse response) {
		return signIn(method, parameters, request, response, () -> {
			SignInContext context = SignInContexts.take(request.getSession(false), parameters.get("state"));
			if (context == null) {
				throw DomainException.badRequest("ACCOUNT_SIGN_IN_STATE_INVALID");
			}
			return context;
		});
	}

	/** Signs in with a form provider (the fields the subject typed). */
	public SubjectPrincipal signIn(VerificationMethod method, Map<String, String> fields, HttpServletRequest request,
			HttpServletResponse response) {
		return signIn(method, fields, request, response, () -> null);
	}

	private SubjectPrincipal signIn(VerificationMethod method, Map<String, String> parameters,
			HttpServletRequest request, HttpServletResponse response,
			java.util.function.Supplier<SignInContext> context) {
		try {
			SubjectIdentityProvider provider = provider(method);
			VerifiedIdentity identity = provider.verify(parameters, context.get());
			SubjectPrincipal principal = principal(identity);
			SecurityContext security = SecurityContextHolder.createEmptyContext();
			security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, AUTHORITIES));
			SecurityContextHolder.setContext(security);
			request.getSession();
			request.changeSessionId();
			CONTEXTS.saveContext(security, request, response);
			audit.record(AuditEntry.of("SUBJECT_LOGIN", AuditEntry.Outcome.SUCCESS, Map.of("method", method.name()))
				.withActor(principal.getName(), null, null)
				.aboutSubject(principal.code(), null));
			return principal;
		}
		catch (DomainException e) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("method", method.name());
			detail.put("reason", e.code());
			AuditEntry entry = AuditEntry.of("SUBJECT_LOGIN", AuditEntry.Outcome.FAILURE, detail)
				.withActor("anonymous", null, null);
			IdentifierCheck attempted = Identifiers.parse(parameters.get(DemoIdentityProvider.IDENTIFIER));
			audit.record(attempted.valid() ? entry.aboutSubject(attempted.value(), null) : entry);
			throw e;
		}
	}

	/** Signs the current subject out (staff signed in on the same browser stay signed in). */
	public void signOut(HttpServletRequest request, HttpServletResponse response) {
		SubjectPrincipal.current()
			.ifPresent(p -> audit.record(AuditEntry.of("SUBJECT_LOGOUT", AuditEntry.Outcome.SUCCESS, Map.of())
				.withActor(p.getName(), null, null)));
		SecurityContext empty = SecurityContextHolder.createEmptyContext();
		SecurityContextHolder.clearContext();
		CONTEXTS.saveContext(empty, request, response);
	}

	private SubjectPrincipal principal(VerifiedIdentity identity) {
		String code = checkedIdentifier(identity.identifier());
		CreditSubject subject = subjects.byCode(code)
			.orElseThrow(() -> DomainException.notFound("ACCOUNT_SUBJECT_UNKNOWN"));
		if (identity.claimedType() != null && identity.claimedType() != subject.type()) {
			throw DomainException.unprocessable("ACCOUNT_SUBJECT_TYPE_MISMATCH");
		}
		return new SubjectPrincipal(subject.id(), subject.code(), subject.type(), subject.name(), identity.method());
	}

	/** The normalised identifier, or the first rule it breaks as a translated error. */
	static String checkedIdentifier(String raw) {
		IdentifierCheck check = Identifiers.parse(raw);
		if (!check.valid()) {
			IdentifierIssue issue = check.errors().get(0);
			throw DomainException.unprocessable(issue.code(), issue.args().toArray());
		}
		return check.value();
	}

	private SubjectIdentityProvider provider(VerificationMethod method) {
		return find(method).orElseThrow(() -> DomainException.notFound(PROVIDER_UNAVAILABLE));
	}

	private Optional<SubjectIdentityProvider> find(VerificationMethod method) {
		return providers.stream().filter(p -> p.method() == method && p.enabled()).findFirst();
	}
}
