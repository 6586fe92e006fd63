package org.xinyong.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.xinyong.platform.DomainException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents: {@code type} names the stable {@code code}, {@code title} is the
 * translated message, {@code code} repeats the stable code for clients that ignore {@code type}.
 */
@Component
public class Problems {

	public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
	private static final String TYPE_PREFIX = "urn:xinyong:problem:";

	private final MessageSource messages;
	private final JsonMapper json;
	private final LocaleResolver locales;

	Problems(MessageSource messages, JsonMapper json, LocaleResolver locales) {
		this.messages = messages;
		this.json = json;
		this.locales = locales;
	}

	MessageSource messages() {
		return messages;
	}

	public ProblemDetail of(DomainException e, HttpServletRequest request) {
		Locale locale = request == null ? LocaleContextHolder.getLocale() : locales.resolveLocale(request);
		String message = messages.getMessage(e.messageKey(), displayable(e.args()), e.code(), locale);
		ProblemDetail problem = ProblemDetail.forStatus(e.status());
		problem.setType(URI.create(TYPE_PREFIX + e.code()));
		problem.setTitle(message);
		problem.setProperty("code", e.code());
		if (request != null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		return problem;
	}

	/** The translated message of a domain exception, for pages that show it inline. */
	public String message(DomainException e, Locale locale) {
		return messages.getMessage(e.messageKey(), displayable(e.args()), e.code(), locale) + " [" + e.code() + "]";
	}

	/** Message arguments as text, so that numbers such as ids are not formatted with grouping separators. */
	static Object[] displayable(Object[] args) {
		Object[] out = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			out[i] = args[i] instanceof Number n ? n.toString() : args[i];
		}
		return out;
	}

	public ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
	}

	/** Writes a problem directly to a servlet response (for filters, where no controller advice applies). */
	public void write(HttpServletRequest request, HttpServletResponse response, String code, HttpStatus status)
			throws IOException {
		write(request, response, new DomainException(code, status));
	}

	/** Writes a domain exception as a problem directly to a servlet response, with its status and arguments. */
	public void write(HttpServletRequest request, HttpServletResponse response, DomainException e) throws IOException {
		ProblemDetail problem = of(e, request);
		response.setStatus(e.status().value());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
