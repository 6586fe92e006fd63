package org.xinyong.calendar.internal;

import java.util.Arrays;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.xinyong.platform.DomainException;

/**
 * A holiday file was refused. The stable code is always {@code CALENDAR_FILE_INVALID}; {@link #reason()} names
 * the rule broken (e.g. {@code DATE_DUPLICATE}). The translated message embeds the reason's own message, bundle
 * key {@code calendar.file.invalid.<REASON>}.
 */
public class CalendarFileInvalidException extends DomainException {

	public static final String CODE = "CALENDAR_FILE_INVALID";

	private final Reason reason;
	private final Object[] details;

	/** The rules a holiday file can break. The names are stable: clients read them from the problem's {@code reason}. */
	public enum Reason {
		/** No content at all. */
		EMPTY,
		/** Larger than {@link HolidayYear#MAX_BYTES}. */
		TOO_LARGE,
		/** Not UTF-8 text. */
		NOT_UTF8,
		/** Not well-formed JSON (including duplicate keys and trailing content). */
		MALFORMED_JSON,
		/** The JSON is not an object. */
		NOT_AN_OBJECT,
		/** {@code year} missing, not an integer or out of range. */
		YEAR_INVALID,
		/** The file's name or the listed dates do not belong to the declared {@code year}. */
		YEAR_MISMATCH,
		/** {@code papers} missing, empty or not a list of addresses. */
		PAPERS_INVALID,
		/** {@code days} missing or not a list. */
		DAYS_INVALID,
		/** {@code days} is empty: a notice that is not published yet. */
		DAYS_EMPTY,
		/** An entry of {@code days} is not an object. */
		DAY_INVALID,
		/** An entry has no {@code name}. */
		NAME_MISSING,
		/** An entry's {@code date} is missing or not a valid {@code YYYY-MM-DD} date. */
		DATE_INVALID,
		/** An entry's {@code isOffDay} is missing or not {@code true}/{@code false}. */
		OFF_DAY_MISSING,
		/** A date outside December of the year before … January of the year after. */
		DATE_OUTSIDE_YEAR,
		/** The same date is listed twice. */
		DATE_DUPLICATE,
		/** A make-up working day ({@code isOffDay=false}) on a Monday–Friday, which is a working day anyway. */
		MAKEUP_DAY_ON_WEEKDAY
	}

	public CalendarFileInvalidException(Reason reason, Object... details) {
		super(CODE, HttpStatus.UNPROCESSABLE_ENTITY, new DefaultMessageSourceResolvable(
				new String[] { "calendar.file.invalid." + reason.name() }, details.clone(), reason.name()));
		this.reason = reason;
		this.details = details.clone();
	}

	public Reason reason() {
		return reason;
	}

	/** The facts of the refusal (a date, a position…), as given to the reason's message. */
	public Object[] details() {
		return details.clone();
	}

	@Override
	public String getMessage() {
		return CODE + " " + reason + (details.length == 0 ? "" : " " + Arrays.toString(details));
	}
}
