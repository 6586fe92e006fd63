package org.xinyong.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.xinyong.platform.DomainException;

/**
 * Turns every failure of a REST controller into RFC 9457 {@code application/problem+json} with a stable
 * {@code code} and a message in the caller's language.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	private final Problems problems;

	ProblemResponses(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
		return problems.response(problems.of(e, request));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		return problems.response(problems.of(DomainException.badRequest("PARAMETER_INVALID", e.getName(),
				String.valueOf(e.getValue())), request));
	}

	/** Security decides these itself (login redirect, 401/403 with audit): hand them back to its filters. */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(Exception e) throws Exception {
		throw e;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
		log.error("Unexpected failure on {}", request.getRequestURI(), e);
		return problems.response(problems.of(
				new DomainException("INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR), request));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problems.of(DomainException.badRequest("VALIDATION_FAILED"), servlet(request));
		Locale locale = LocaleContextHolder.getLocale();
		MessageSource messages = problems.messages();
		List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
			.map(fe -> Map.of("field", fe.getField(), "code", String.valueOf(fe.getCode()),
					"message", messages.getMessage(fe, locale)))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		String code = status == null ? "HTTP_" + statusCode.value() : status.name();
		ProblemDetail problem = problems.of(new DomainException(code,
				status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status), servlet(request));
		return ResponseEntity.status(statusCode).headers(headers).contentType(Problems.PROBLEM_JSON).body(problem);
	}

	private static HttpServletRequest servlet(WebRequest request) {
		return ((ServletWebRequest) request).getRequest();
	}
}
