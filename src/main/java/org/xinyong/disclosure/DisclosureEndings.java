package org.xinyong.disclosure;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.ledger.Ledger;
import org.xinyong.platform.DomainException;

/**
 * Ends a record's public disclosure before its maximum, e.g. after a successful credit repair (art. 56). The end is
 * a ledger event ({@code DISCLOSURE_ENDED}) in the same transaction; the record and its history stay for staff and
 * for the subject itself. Ending is kept across later versions of the record (a correction does not restart
 * disclosure).
 */
@Service
public class DisclosureEndings {

	private final JdbcClient jdbc;
	private final Ledger ledger;

	DisclosureEndings(JdbcClient jdbc, Ledger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	/**
	 * @param on     the first day the record is no longer shown
	 * @param reason e.g. {@code REPAIR:<application number>}
	 * @return the ledger leaf index of the event
	 * @throws DomainException {@code DISCLOSURE_RECORD_UNKNOWN} (404) when the record is not in the website's read
	 *                         model (yet)
	 */
	@Transactional
	public long endEarly(UUID recordId, LocalDate on, String reason) {
		int updated = jdbc.sql("update disclosed_record set ended_on = ? where record_id = ?")
			.params(on, recordId)
			.update();
		if (updated == 0) {
			throw DomainException.notFound("DISCLOSURE_RECORD_UNKNOWN", recordId);
		}
		return ledger.appendEvent("DISCLOSURE_ENDED", "record:" + recordId, "on=" + on + ";reason=" + reason);
	}

	/**
	 * Undoes an early end (e.g. a repair revoked because the credit commitment proved false): the record is shown
	 * again within its window; a {@code DISCLOSURE_RESUMED} ledger event is appended in the same transaction.
	 */
	@Transactional
	public long resume(UUID recordId, String reason) {
		int updated = jdbc.sql("update disclosed_record set ended_on = null where record_id = ?").param(recordId).update();
		if (updated == 0) {
			throw DomainException.notFound("DISCLOSURE_RECORD_UNKNOWN", recordId);
		}
		return ledger.appendEvent("DISCLOSURE_RESUMED", "record:" + recordId, "reason=" + reason);
	}

	/** The day disclosure was ended early, if it was. */
	public Optional<LocalDate> endedOn(UUID recordId) {
		return jdbc.sql("select ended_on from disclosed_record where record_id = ?")
			.param(recordId)
			.query((rs, n) -> rs.getDate(1))
			.optional()
			.filter(java.util.Objects::nonNull)
			.map(java.sql.Date::toLocalDate);
	}

	/** The record's disclosure window as the website computed it (null fields where there is none). */
	public Optional<DisclosureWindow> window(UUID recordId) {
		return jdbc.sql("select shown, regime, shown_from, minimum_until, shown_until from disclosed_record where record_id = ?")
			.param(recordId)
			.query((rs, n) -> new DisclosureWindow(rs.getBoolean("shown"), rs.getString("regime"), date(rs, "shown_from"),
					date(rs, "minimum_until"), date(rs, "shown_until")))
			.optional();
	}

	private static LocalDate date(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}
}
