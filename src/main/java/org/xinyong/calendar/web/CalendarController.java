package org.xinyong.calendar.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xinyong.calendar.CalendarSource;
import org.xinyong.calendar.internal.CalendarFileInvalidException;
import org.xinyong.calendar.internal.CalendarLoader;
import org.xinyong.calendar.internal.CalendarService;
import org.xinyong.calendar.internal.HolidayYear;
import org.xinyong.calendar.internal.ListedDay;
import org.xinyong.calendar.internal.WorkingDayCalendar;
import org.xinyong.calendar.internal.YearVersion;
import org.xinyong.calendar.internal.YearVersions;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.Problems;

/** The working-day calendar over HTTP: computations and the loaded years are public; loading a year is for admins. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "Official working-day calendar (statutory holidays and make-up working days)")
class CalendarController {

	static final String DATE_INVALID = "CALENDAR_DATE_INVALID";

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private final CalendarService calendar;
	private final CalendarLoader loader;
	private final YearVersions versions;
	private final Problems problems;

	CalendarController(CalendarService calendar, CalendarLoader loader, YearVersions versions, Problems problems) {
		this.calendar = calendar;
		this.loader = loader;
		this.versions = versions;
		this.problems = problems;
	}

	/** The answer to "N working days after D". */
	record WorkingDaysAnswer(LocalDate from, int add, LocalDate date, boolean provisional) {
	}

	/** The status of one date. */
	record DayAnswer(LocalDate date, boolean workingDay, String holiday, Boolean listedOffDay, boolean provisional) {
	}

	/** A year in force. */
	record YearView(int year, int version, int versions, CalendarSource source, String file, String sha256,
			Instant loadedAt, List<String> papers) {
	}

	/** One kept version of a year. */
	record VersionView(int year, int version, boolean inForce, CalendarSource source, String file, String sha256,
			Instant loadedAt) {
	}

	/** The outcome of an upload. */
	record LoadAnswer(int year, int version, boolean loaded, CalendarSource source, String file, String sha256,
			Instant loadedAt) {
	}

	@GetMapping("/working-days")
	@Operation(summary = "The N-th working day after a date",
			description = "The date itself is not counted: add=3 from a Friday before an ordinary weekend is the "
					+ "next Wednesday; add=0 returns the date. Fails with 422 CALENDAR_YEAR_UNKNOWN when the count "
					+ "reaches a year whose holiday notice is not loaded. 'provisional' is true when the result lies "
					+ "in December of a year whose following year's notice is not loaded yet.")
	WorkingDaysAnswer workingDays(
			@Parameter(description = "Start date, YYYY-MM-DD (not counted)") @RequestParam("from") String from,
			@Parameter(description = "Number of working days to add, >= 0") @RequestParam("add") int add) {
		LocalDate start = date(from);
		WorkingDayCalendar rules = calendar.calendar();
		LocalDate result = rules.addWorkingDays(start, add);
		return new WorkingDaysAnswer(start, add, result, add > 0 && rules.isProvisional(result));
	}

	@GetMapping("/days/{date}")
	@Operation(summary = "Whether a date is a working day",
			description = "Fails with 422 CALENDAR_YEAR_UNKNOWN when the date's year is not loaded.")
	DayAnswer day(@Parameter(description = "YYYY-MM-DD") @PathVariable("date") String date) {
		LocalDate day = date(date);
		WorkingDayCalendar rules = calendar.calendar();
		boolean working = rules.isWorkingDay(day);
		ListedDay listed = rules.listed(day).orElse(null);
		return new DayAnswer(day, working, listed == null ? null : listed.name(),
				listed == null ? null : listed.offDay(), rules.isProvisional(day));
	}

	@GetMapping("/years")
	@Operation(summary = "The loaded years",
			description = "Each year with the version in force, where it came from, its SHA-256 and the notices "
					+ "(papers) it was taken from.")
	List<YearView> years() {
		Map<Integer, Integer> counts = versions.counts();
		return versions.inForce().stream()
			.map(v -> new YearView(v.year(), v.version(), counts.getOrDefault(v.year(), 1), v.source(),
					v.sourceName(), v.sha256(), v.loadedAt(), papers(v)))
			.toList();
	}

	@GetMapping("/years/{year}/versions")
	@Operation(summary = "Every kept version of a year, newest (in force) first")
	List<VersionView> history(@PathVariable("year") int year) {
		List<YearVersion> history = versions.history(year);
		return history.stream()
			.map(v -> new VersionView(v.year(), v.version(), v == history.get(0), v.source(), v.sourceName(),
					v.sha256(), v.loadedAt()))
			.toList();
	}

	@PostMapping(path = "/years", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Operation(summary = "Load a year (JSON body)",
			description = "Body in the holiday-cn schema {year, papers[], days[{name, date, isOffDay}]}. 201 when a "
					+ "new version is in force, 200 when the content equals the version in force (nothing done), "
					+ "422 CALENDAR_FILE_INVALID with a 'reason' when refused. Platform administrators only.")
	ResponseEntity<LoadAnswer> uploadJson(@RequestBody(required = false) byte[] body, Principal principal) {
		// An empty body is refused (and audited) like any other invalid file.
		return answer(loader.upload(body, null, user(principal)));
	}

	@PostMapping(path = "/years", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Operation(summary = "Load a year (file upload)",
			description = "Multipart field 'file'; a file named {year}.json must hold that year. Same answers as the "
					+ "JSON upload. Platform administrators only.")
	ResponseEntity<LoadAnswer> uploadFile(@RequestParam("file") MultipartFile file, Principal principal) {
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return answer(loader.upload(content, file.getOriginalFilename(), user(principal)));
	}

	/** Refusals carry the broken rule as {@code reason} (stable) besides the translated message. */
	@ExceptionHandler(CalendarFileInvalidException.class)
	ResponseEntity<ProblemDetail> refused(CalendarFileInvalidException e, HttpServletRequest request) {
		ProblemDetail problem = problems.of(e, request);
		problem.setProperty("reason", e.reason().name());
		problem.setProperty("details", Arrays.stream(e.details()).map(String::valueOf).toList());
		return problems.response(problem);
	}

	private static ResponseEntity<LoadAnswer> answer(CalendarLoader.LoadResult result) {
		YearVersion v = result.version();
		LoadAnswer body = new LoadAnswer(v.year(), v.version(), result.loaded(), v.source(), v.sourceName(),
				v.sha256(), v.loadedAt());
		return ResponseEntity.status(result.loaded() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
	}

	private static List<String> papers(YearVersion version) {
		try {
			return HolidayYear.parse(version.content(), version.year()).papers();
		}
		catch (CalendarFileInvalidException e) {
			return List.of();
		}
	}

	private static String user(Principal principal) {
		return principal == null ? "anonymous" : principal.getName();
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text, ISO_DATE);
		}
		catch (DateTimeParseException e) {
			throw DomainException.badRequest(DATE_INVALID, text.length() > 40 ? text.substring(0, 40) + "…" : text);
		}
	}
}
