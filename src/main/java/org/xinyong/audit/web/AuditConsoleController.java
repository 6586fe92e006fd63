package org.xinyong.audit.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditEvent;
import org.xinyong.audit.AuditLog;
import org.xinyong.audit.AuditQuery;
import org.xinyong.audit.AuditTrail;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.Zones;
import org.xinyong.platform.web.ConsoleMenuItem;

/**
 * Auditors and platform administrators search and export the audit log; auditors alone reveal a masked entry, with a
 * stated reason. Every export and reveal is audited.
 */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'PLATFORM_ADMIN')")
@Tag(name = "audit", description = "审计日志 / Audit log")
class AuditConsoleController {

	static final int PAGE_SIZE = 50;

	private final AuditTrail trail;
	private final AuditLog log;

	AuditConsoleController(AuditTrail trail, AuditLog log) {
		this.trail = trail;
		this.log = log;
	}

	@GetMapping("/console/audit")
	String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String action,
			@RequestParam(required = false) String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditQuery query = new AuditQuery(actor, organisation, subject, action, outcome, from, to);
		model.addAttribute("query", query);
		model.addAttribute("result", trail.search(query, page, PAGE_SIZE));
		return "audit/console";
	}

	@GetMapping("/api/v1/audit/events")
	@ResponseBody
	@Operation(summary = "检索审计日志 / Search the audit log (auditors)",
			description = "Newest first, 50 per page; personal ID numbers are masked.")
	AuditTrail.Page api(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String organisation, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page) {
		return trail.search(new AuditQuery(actor, organisation, subject, action, outcome, from, to), page, PAGE_SIZE);
	}

	@GetMapping("/console/audit/export.csv")
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String action,
			@RequestParam(required = false) String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		AuditQuery query = new AuditQuery(actor, organisation, subject, action, outcome, from, to);
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("actor", String.valueOf(actor));
		filters.put("organisation", String.valueOf(organisation));
		filters.put("subject", String.valueOf(subject));
		filters.put("action", String.valueOf(action));
		filters.put("from", String.valueOf(from));
		filters.put("to", String.valueOf(to));
		log.record(AuditEntry.of("AUDIT_EXPORTED", AuditEntry.Outcome.SUCCESS, filters));
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		out.write("编号 Id,时间 Time,操作者 Actor,单位 Organisation,操作 Action,结果 Outcome,信用主体 Subject,地址 Address,目的 Purpose,详情 Detail\r\n");
		trail.export(query, e -> {
			try {
				out.write(String.join(",", List.of(String.valueOf(e.id()), csv(time(e)), csv(e.actor()),
						csv(e.organisationCode()), csv(e.action()), csv(e.outcome()), csv(e.subjectRef()),
						csv(e.clientAddress()), csv(e.purpose()), csv(e.detail()))));
				out.write("\r\n");
			}
			catch (IOException io) {
				throw new UncheckedIOException(io);
			}
		});
		out.flush();
	}

	/** Only auditors reveal a masked entry (platform administrators search and export, masked). */
	@PostMapping("/console/audit/{id}/reveal")
	@PreAuthorize("hasRole('AUDITOR')")
	String reveal(@PathVariable long id, @RequestParam String reason, RedirectAttributes flash) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.badRequest("AUDIT_REVEAL_REASON_REQUIRED");
		}
		AuditEvent event = trail.reveal(id);
		log.record(AuditEntry.of("AUDIT_REVEALED", AuditEntry.Outcome.SUCCESS,
				Map.of("eventId", id, "reason", reason.strip())));
		flash.addFlashAttribute("revealed", event);
		return "redirect:/console/audit";
	}

	private static String time(AuditEvent e) {
		return e.occurredAt().atZone(Zones.DISPLAY).toLocalDateTime().withNano(0).toString().replace('T', ' ');
	}

	/** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
	static String csv(String value) {
		if (value == null) {
			return "";
		}
		String v = value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		return "\"" + v.replace("\"", "\"\"") + "\"";
	}

	@Bean
	static ConsoleMenuItem auditMenuItem() {
		return new ConsoleMenuItem("audit.menu", "/console/audit", Set.of("AUDITOR", "PLATFORM_ADMIN"), 940);
	}
}
