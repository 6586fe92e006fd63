package org.xinyong.objection.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Certificates issued when an objection to non-public information is upheld with the remedy "issue a certificate"
 * (出具证明, art. 54): a number ({@code YZ<year><6 digits>}), what was found and what was done, and the SHA-256 of
 * that content, printed on the certificate and confirmed by the public verification page. Append-only.
 */
@Component
public class Certificates {

	/** An issued certificate. */
	public record Certificate(String number, long objectionId, long subjectId, UUID recordId, String catalogItem,
			String findings, String actions, String contentHash, LocalDate issuedOn, Instant issuedAt) {
	}

	private final JdbcClient jdbc;

	Certificates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Certificate issue(Case c, String findings, String actions, LocalDate on, String actor) {
		long seq = jdbc.sql("select nextval('objection_certificate_number_seq')").query(Long.class).single();
		String number = "YZ" + on.getYear() + String.format("%06d", seq);
		String hash = hash(number, c, findings, actions, on);
		jdbc.sql("""
				insert into objection_certificate (number, objection_id, subject_id, record_id, catalog_item, findings,
				                                   actions, content_hash, issued_on, issued_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(number, c.id(), c.subjectId(), c.recordId(), c.catalogItem(), findings, actions, hash, on, actor)
			.update();
		return byNumber(number).orElseThrow();
	}

	/** The certificate with this number, if the platform issued one (case and spaces ignored). */
	public Optional<Certificate> byNumber(String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select * from objection_certificate where number = ?")
			.param(number.strip().toUpperCase())
			.query(Certificates::map)
			.optional();
	}

	/** The certificate issued for the case, if any. */
	public Optional<Certificate> ofCase(long objectionId) {
		return jdbc.sql("select * from objection_certificate where objection_id = ?")
			.param(objectionId)
			.query(Certificates::map)
			.optional();
	}

	private static String hash(String number, Case c, String findings, String actions, LocalDate on) {
		String canonical = number + '\n' + c.id() + '\n' + c.subjectId() + '\n' + c.recordId() + '\n' + c.catalogItem()
				+ '\n' + findings + '\n' + actions + '\n' + on + '\n';
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Certificate map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Certificate(rs.getString("number"), rs.getLong("objection_id"), rs.getLong("subject_id"),
				rs.getObject("record_id", UUID.class), rs.getString("catalog_item"), rs.getString("findings"),
				rs.getString("actions"), rs.getString("content_hash"), rs.getDate("issued_on").toLocalDate(),
				rs.getTimestamp("issued_at").toInstant());
	}
}
