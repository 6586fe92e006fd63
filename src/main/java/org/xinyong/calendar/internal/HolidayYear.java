package org.xinyong.calendar.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

import org.xinyong.calendar.internal.CalendarFileInvalidException.Reason;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One year's holiday notice, in the holiday-cn schema {@code {year, papers[], days[{name, date, isOffDay}]}}.
 * Only {@link #parse} creates one, and it refuses anything that is not a plausible notice: a file that parses is
 * safe to put in force. Unknown properties (such as {@code $schema}) are ignored.
 *
 * @param year   the notice's year
 * @param papers the addresses of the notice(s) the data was taken from
 * @param days   the listed dates, ascending; may include December of the year before and January of the year after
 */
public record HolidayYear(int year, List<String> papers, NavigableMap<LocalDate, ListedDay> days) {

	/** Larger files are refused: a year's notice is a few kilobytes. */
	public static final int MAX_BYTES = 256 * 1024;

	/** Plausible notice years; anything else is a typing error. */
	public static final int MIN_YEAR = 1990;
	public static final int MAX_YEAR = 2199;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final JsonMapper STRICT_JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	public HolidayYear {
		papers = List.copyOf(papers);
		days = Collections.unmodifiableNavigableMap(new TreeMap<>(days));
	}

	/** The first date a notice of the year may list (1 December of the year before). */
	public static LocalDate firstListable(int year) {
		return LocalDate.of(year - 1, 12, 1);
	}

	/** The last date a notice of the year may list (31 January of the year after). */
	public static LocalDate lastListable(int year) {
		return LocalDate.of(year + 1, 1, 31);
	}

	/**
	 * Reads and validates a holiday file.
	 *
	 * @param content      the file's bytes, UTF-8 (a leading byte-order mark is tolerated)
	 * @param expectedYear the year the file must be about (e.g. from its name {@code 2027.json}), or null
	 * @throws CalendarFileInvalidException naming the first rule the file breaks
	 */
	public static HolidayYear parse(byte[] content, Integer expectedYear) {
		return parse(text(content), expectedYear);
	}

	/** As {@link #parse(byte[], Integer)}, for content already decoded. */
	public static HolidayYear parse(String content, Integer expectedYear) {
		Objects.requireNonNull(content, "content");
		if (content.isBlank()) {
			throw new CalendarFileInvalidException(Reason.EMPTY);
		}
		JsonNode root;
		try {
			root = STRICT_JSON.readTree(content);
		}
		catch (JacksonException e) {
			var location = e.getLocation();
			throw new CalendarFileInvalidException(Reason.MALFORMED_JSON,
					location == null ? "?" : String.valueOf(location.getLineNr()),
					location == null ? "?" : String.valueOf(location.getColumnNr()));
		}
		int nul = content.indexOf("\\u0000");
		if (nul >= 0) {
			// Valid JSON, but PostgreSQL cannot hold a NUL character in text or jsonb.
			String before = content.substring(0, nul);
			int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
			int column = nul - before.lastIndexOf('\n');
			throw new CalendarFileInvalidException(Reason.MALFORMED_JSON, String.valueOf(line), String.valueOf(column));
		}
		if (root == null || !root.isObject()) {
			throw new CalendarFileInvalidException(Reason.NOT_AN_OBJECT);
		}
		int year = year(root.get("year"));
		if (expectedYear != null && expectedYear != year) {
			throw new CalendarFileInvalidException(Reason.YEAR_MISMATCH, String.valueOf(expectedYear),
					String.valueOf(year));
		}
		List<String> papers = papers(root.get("papers"));
		NavigableMap<LocalDate, ListedDay> days = days(root.get("days"), year);
		return new HolidayYear(year, papers, days);
	}

	/** Decodes strict UTF-8, dropping a leading byte-order mark. */
	public static String text(byte[] content) {
		if (content == null || content.length == 0) {
			throw new CalendarFileInvalidException(Reason.EMPTY);
		}
		if (content.length > MAX_BYTES) {
			throw new CalendarFileInvalidException(Reason.TOO_LARGE, String.valueOf(MAX_BYTES / 1024));
		}
		int offset = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
				&& (content[2] & 0xff) == 0xbf ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, offset, content.length - offset))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new CalendarFileInvalidException(Reason.NOT_UTF8);
		}
	}

	private static int year(JsonNode node) {
		if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
			throw new CalendarFileInvalidException(Reason.YEAR_INVALID, node == null ? "" : node.toString());
		}
		int year = node.intValue();
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new CalendarFileInvalidException(Reason.YEAR_INVALID, String.valueOf(year));
		}
		return year;
	}

	private static List<String> papers(JsonNode node) {
		if (node == null || !node.isArray() || node.isEmpty()) {
			throw new CalendarFileInvalidException(Reason.PAPERS_INVALID);
		}
		List<String> papers = new ArrayList<>();
		for (JsonNode paper : node.values()) {
			if (!paper.isString() || paper.stringValue().isBlank()) {
				throw new CalendarFileInvalidException(Reason.PAPERS_INVALID);
			}
			papers.add(paper.stringValue().strip());
		}
		return papers;
	}

	private static NavigableMap<LocalDate, ListedDay> days(JsonNode node, int year) {
		if (node == null || !node.isArray()) {
			throw new CalendarFileInvalidException(Reason.DAYS_INVALID);
		}
		if (node.isEmpty()) {
			throw new CalendarFileInvalidException(Reason.DAYS_EMPTY, String.valueOf(year));
		}
		NavigableMap<LocalDate, ListedDay> days = new TreeMap<>();
		int position = 0;
		for (JsonNode entry : node.values()) {
			position++;
			ListedDay day = day(entry, position, year);
			if (days.putIfAbsent(day.date(), day) != null) {
				throw new CalendarFileInvalidException(Reason.DATE_DUPLICATE, day.date().toString());
			}
		}
		if (days.keySet().stream().noneMatch(d -> d.getYear() == year)) {
			throw new CalendarFileInvalidException(Reason.YEAR_MISMATCH, String.valueOf(year),
					String.valueOf(days.firstKey().getYear()));
		}
		return days;
	}

	private static ListedDay day(JsonNode entry, int position, int year) {
		String at = String.valueOf(position);
		if (!entry.isObject()) {
			throw new CalendarFileInvalidException(Reason.DAY_INVALID, at);
		}
		JsonNode name = entry.get("name");
		if (name == null || !name.isString() || name.stringValue().isBlank()) {
			throw new CalendarFileInvalidException(Reason.NAME_MISSING, at);
		}
		JsonNode dateNode = entry.get("date");
		if (dateNode == null || !dateNode.isString()) {
			throw new CalendarFileInvalidException(Reason.DATE_INVALID, at, dateNode == null ? "" : dateNode.toString());
		}
		LocalDate date;
		try {
			date = LocalDate.parse(dateNode.stringValue(), DATE);
		}
		catch (DateTimeParseException e) {
			throw new CalendarFileInvalidException(Reason.DATE_INVALID, at, dateNode.stringValue());
		}
		JsonNode offDay = entry.get("isOffDay");
		if (offDay == null || !offDay.isBoolean()) {
			throw new CalendarFileInvalidException(Reason.OFF_DAY_MISSING, date.toString());
		}
		if (date.isBefore(firstListable(year)) || date.isAfter(lastListable(year))) {
			throw new CalendarFileInvalidException(Reason.DATE_OUTSIDE_YEAR, date.toString(), String.valueOf(year));
		}
		ListedDay day = new ListedDay(date, name.stringValue().strip(), offDay.booleanValue());
		if (!day.offDay() && !day.onWeekend()) {
			throw new CalendarFileInvalidException(Reason.MAKEUP_DAY_ON_WEEKDAY, date.toString());
		}
		return day;
	}
}
