package org.xinyong.jointcheck.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.xinyong.access.Role;
import org.xinyong.jointcheck.JointChecks;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.Problems;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast path of {@code POST /api/v1/joint-checks}: department systems call it during approvals, so it answers
 * without Spring MVC's dispatch (handler lookup, argument resolution, method-security proxy, message converters),
 * which cost more CPU than the check itself. It runs after the whole Spring Security filter chain, exactly like the
 * controller: authentication (API key or staff session), CSRF, the {@code /api/**} rule and the audited 401/403
 * responses are Spring Security's; this filter then requires the same roles as {@link JointCheckApiController}
 * ({@code DEPARTMENT_SYSTEM} or {@code DEPARTMENT_USER}, otherwise an {@link AccessDeniedException} that Spring
 * Security turns into its audited 403) and renders failures as the same problem documents. Only a JSON {@code POST}
 * is served here; any other request to the path (another method or media type) goes on to the controller, whose
 * answers and errors are the reference. {@code xinyong.joint-check.fast-path=false} switches this filter off.
 */
class JointCheckEndpoint extends HttpFilter {

	static final String PATH = "/api/v1/joint-checks";
	/** A check request is three short strings; anything much larger is refused unread. */
	static final int BODY_LIMIT = 16 * 1024;
	private static final Logger log = LoggerFactory.getLogger(JointCheckEndpoint.class);

	private final JointChecks checks;
	private final java.util.concurrent.atomic.LongAdder served = new java.util.concurrent.atomic.LongAdder();
	private final JsonMapper json;
	private final Problems problems;

	JointCheckEndpoint(JointChecks checks, JsonMapper json, Problems problems) {
		this.checks = checks;
		this.json = json;
		this.problems = problems;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!"POST".equals(request.getMethod()) || !json(request.getContentType())
				|| !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			chain.doFilter(request, response);
			return;
		}
		// the request metric (http.server.requests) keeps its uri tag, as Spring MVC would set it
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!allowed(authentication)) {
			throw new AccessDeniedException("joint check requires DEPARTMENT_SYSTEM or DEPARTMENT_USER");
		}
		try {
			byte[] body = request.getInputStream().readNBytes(BODY_LIMIT + 1);
			if (body.length > BODY_LIMIT) {
				throw new DomainException("JOINT_CHECK_REQUEST_TOO_LARGE", HttpStatus.CONTENT_TOO_LARGE, BODY_LIMIT);
			}
			JointCheckApiController.CheckRequest r;
			try {
				r = json.readValue(body, JointCheckApiController.CheckRequest.class);
			}
			catch (JacksonException e) {
				// as Spring MVC answers an unreadable body
				throw new DomainException("BAD_REQUEST", HttpStatus.BAD_REQUEST);
			}
			if (r == null) {
				throw new DomainException("BAD_REQUEST", HttpStatus.BAD_REQUEST);
			}
			byte[] answer = checks.check(JointCheckApiController.member(authentication), authentication.getName(),
					request.getRemoteAddr(), r.subjectCode(), r.matter(), r.reference())
				.json()
				.getBytes(StandardCharsets.UTF_8);
			// counted before the answer is written: once it is complete the client may already have it
			served.increment();
			response.setStatus(HttpStatus.OK.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setContentLength(answer.length);
			response.getOutputStream().write(answer);
		}
		catch (DomainException e) {
			problems.write(request, response, e);
		}
		catch (RuntimeException e) {
			log.error("Unexpected failure on {}", request.getRequestURI(), e);
			problems.write(request, response, new DomainException("INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR));
		}
	}

	/** Checks answered by this path since start. */
	long served() {
		return served.sum();
	}

	private static boolean json(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardSubtype()
					|| type.getSubtype().endsWith("+json");
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static boolean allowed(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		for (GrantedAuthority a : authentication.getAuthorities()) {
			String name = a.getAuthority();
			if (Role.DEPARTMENT_SYSTEM.authority().equals(name) || Role.DEPARTMENT_USER.authority().equals(name)) {
				return true;
			}
		}
		return false;
	}
}
