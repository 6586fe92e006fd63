package org.xinyong.calendar.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditEntry.Outcome;
import org.xinyong.audit.AuditLog;
import org.xinyong.calendar.CalendarSource;
import org.xinyong.calendar.CalendarYearLoaded;

/**
 * Puts holiday files in force: validates them, keeps each new version in {@code calendar_year_version}, records
 * the load in the audit log, announces {@link CalendarYearLoaded} and updates the in-memory calendar.
 * <p>
 * Identical content is never loaded twice in a row: a file whose content (by SHA-256 or by its data) equals the
 * version in force is a no-op. Files that arrive by themselves (bundled with a release, found in the folder) are
 * moreover skipped when their content equals <em>any</em> earlier version of the year, so that an old file left
 * in the folder or shipped again never overrides a later upload; an upload is an explicit act and may bring an
 * earlier version back in force (as a new version).
 */
@Service
public class CalendarLoader {

	/** {@code loaded_by} and audit actor of loads nobody asked for. */
	public static final String SYSTEM = "system";
	public static final String AUDIT_ACTION = "CALENDAR_YEAR_LOADED";

	private static final Logger log = LoggerFactory.getLogger(CalendarLoader.class);
	private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.json", Pattern.CASE_INSENSITIVE);

	private final YearVersions versions;
	private final CalendarService calendar;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	CalendarLoader(YearVersions versions, CalendarService calendar, AuditLog audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.versions = versions;
		this.calendar = calendar;
		this.audit = audit;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** What a load did. */
	public record LoadResult(YearVersion version, boolean loaded) {
	}

	/**
	 * Loads a file a platform administrator uploaded. A file name of the form {@code {year}.json} must match the
	 * content's year. Refusals are recorded in the audit log too.
	 *
	 * @throws CalendarFileInvalidException if the file is refused
	 */
	public LoadResult upload(byte[] content, String fileName, String user) {
		return load(CalendarSource.UPLOAD, fileName, content, user);
	}

	/** Loads a file found in the operators' folder; refusals are recorded in the audit log. */
	public LoadResult loadFromFolder(String fileName, byte[] content) {
		return load(CalendarSource.FOLDER, fileName, content, SYSTEM);
	}

	/** Loads a file shipped with the application. A refusal is a defect of the release and is not audited. */
	public LoadResult loadBundled(String fileName, byte[] content) {
		return load(CalendarSource.BUNDLED, fileName, content, SYSTEM);
	}

	/** The year named by a file name of the form {@code 2027.json}, if it has that form. */
	public static Optional<Integer> yearOfFileName(String fileName) {
		if (fileName == null) {
			return Optional.empty();
		}
		String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
		Matcher m = YEAR_FILE.matcher(base);
		return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
	}

	private LoadResult load(CalendarSource source, String fileName, byte[] content, String loadedBy) {
		HolidayYear year;
		String text;
		try {
			text = HolidayYear.text(content);
			year = HolidayYear.parse(text, yearOfFileName(fileName).orElse(null));
		}
		catch (CalendarFileInvalidException e) {
			if (source != CalendarSource.BUNDLED) {
				recordRefusal(source, fileName, content, e);
			}
			throw e;
		}
		String sha256 = sha256(text.getBytes(StandardCharsets.UTF_8));
		LoadResult result = transactions.execute(status -> store(source, fileName, loadedBy, text, sha256, year));
		if (result.loaded()) {
			YearVersion v = result.version();
			log.info("Holiday data {} version {} loaded from {} {} (sha256 {})", v.year(), v.version(), source,
					fileName == null ? "(request body)" : fileName, sha256);
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("year", v.year());
			detail.put("version", v.version());
			detail.put("source", source.name());
			if (fileName != null) {
				detail.put("file", fileName);
			}
			detail.put("sha256", sha256);
			audit.record(actor(AuditEntry.of(AUDIT_ACTION, Outcome.SUCCESS, detail), source));
		}
		return result;
	}

	private LoadResult store(CalendarSource source, String fileName, String loadedBy, String text, String sha256,
			HolidayYear year) {
		versions.lockForLoading();
		List<YearVersion> history = versions.history(year.year());
		Optional<YearVersion> current = history.stream().findFirst();
		if (current.isPresent() && sameContent(current.get(), sha256, year)) {
			return new LoadResult(current.get(), false);
		}
		if (source != CalendarSource.UPLOAD && history.stream().anyMatch(v -> sameContent(v, sha256, year))) {
			return new LoadResult(current.orElseThrow(), false);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		YearVersion added = versions.add(year.year(), source, fileName, sha256, now, loadedBy, text);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public int getOrder() {
				// Before the transactional listeners of the event below, so that they see the new data.
				return Ordered.HIGHEST_PRECEDENCE;
			}

			@Override
			public void afterCommit() {
				calendar.accept(year);
			}
		});
		events.publishEvent(new CalendarYearLoaded(added.year(), added.version(), source, sha256));
		return new LoadResult(added, true);
	}

	private static boolean sameContent(YearVersion version, String sha256, HolidayYear year) {
		if (version.sha256().equals(sha256)) {
			return true;
		}
		try {
			return HolidayYear.parse(version.content(), version.year()).equals(year);
		}
		catch (CalendarFileInvalidException e) {
			return false;
		}
	}

	private void recordRefusal(CalendarSource source, String fileName, byte[] content,
			CalendarFileInvalidException e) {
		log.warn("Holiday file {} from {} refused: {}", fileName == null ? "(request body)" : fileName, source,
				e.getMessage());
		Map<String, Object> detail = new LinkedHashMap<>();
		yearOfFileName(fileName).ifPresent(y -> detail.put("year", y));
		detail.put("source", source.name());
		if (fileName != null) {
			detail.put("file", fileName);
		}
		if (content != null && content.length > 0) {
			detail.put("sha256", sha256(content));
		}
		detail.put("code", e.code());
		detail.put("reason", e.reason().name());
		audit.record(actor(AuditEntry.of(AUDIT_ACTION, Outcome.FAILURE, detail), source));
	}

	private static AuditEntry actor(AuditEntry entry, CalendarSource source) {
		// Uploads are attributed from the security context of the request; the rest is the system's doing.
		return source == CalendarSource.UPLOAD ? entry : entry.withActor(SYSTEM, null, null);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", e);
		}
	}
}
