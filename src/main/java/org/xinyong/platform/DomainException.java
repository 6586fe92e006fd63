package org.xinyong.platform;

import java.util.Arrays;

import org.springframework.http.HttpStatus;

/**
 * A rule of the domain was broken. Carries a stable {@code code} (e.g. {@code CALENDAR_YEAR_UNKNOWN}) that
 * clients may rely on, the HTTP status it maps to, and the arguments of its translated message. The message
 * text lives in the bundles under {@code error.<CODE>}; {@link #getMessage()} is only for logs.
 */
public class DomainException extends RuntimeException {

	private final String code;
	private final HttpStatus status;
	private final Object[] args;

	public DomainException(String code, HttpStatus status, Object... args) {
		super(code + (args.length == 0 ? "" : " " + Arrays.toString(args)));
		this.code = code;
		this.status = status;
		this.args = args.clone();
	}

	/** A 422: the request was understood but a domain rule refuses it. */
	public static DomainException unprocessable(String code, Object... args) {
		return new DomainException(code, HttpStatus.UNPROCESSABLE_ENTITY, args);
	}

	public static DomainException notFound(String code, Object... args) {
		return new DomainException(code, HttpStatus.NOT_FOUND, args);
	}

	public static DomainException badRequest(String code, Object... args) {
		return new DomainException(code, HttpStatus.BAD_REQUEST, args);
	}

	public static DomainException conflict(String code, Object... args) {
		return new DomainException(code, HttpStatus.CONFLICT, args);
	}

	public String code() {
		return code;
	}

	public HttpStatus status() {
		return status;
	}

	public Object[] args() {
		return args.clone();
	}

	/** The bundle key of the translated message. */
	public String messageKey() {
		return "error." + code;
	}
}
