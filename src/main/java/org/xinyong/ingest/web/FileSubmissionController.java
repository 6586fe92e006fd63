package org.xinyong.ingest.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.ingest.FileSubmissions;
import org.xinyong.ingest.FileSubmissions.FileStatus;
import org.xinyong.ingest.FileSubmissions.FileUpload;
import org.xinyong.ingest.FileSubmissions.RejectedFormat;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.OrganisationMember;

/** Providers submit CSV or XLSX files; they are processed in the background with visible progress. */
@RestController
@Tag(name = "ingest", description = "信用信息归集 / Submitting credit records")
class FileSubmissionController {

	private final FileSubmissions files;
	private final AuditLog audit;

	FileSubmissionController(FileSubmissions files, AuditLog audit) {
		this.files = files;
		this.audit = audit;
	}

	@PostMapping(path = "/api/v1/submissions/files", consumes = "multipart/form-data")
	@PreAuthorize("hasAnyRole('DEPARTMENT_SYSTEM', 'PROVIDER_OPERATOR', 'PLATFORM_ADMIN')")
	@Operation(summary = "以文件报送 / Submit a CSV or XLSX file",
			description = "Accepted with 202; poll the status URL for progress. CSV may be UTF-8 (with or without BOM) "
					+ "or GBK (detected, or declared with 'charset'). Columns are matched by field key or Chinese label.")
	ResponseEntity<FileStatus> upload(@RequestParam String catalogItem, @RequestParam String submissionKey,
			@RequestParam("file") MultipartFile file, @RequestParam(required = false) String charset,
			Authentication authentication) throws IOException {
		OrganisationMember member = IngestWeb.member(authentication);
		FileStatus status = files.accept(new FileUpload(member.organisationId(), member.organisationCode(),
				authentication.getName(), catalogItem, submissionKey, file.getOriginalFilename(), charset(charset),
				file.getInputStream()));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Location", "/api/v1/submissions/files/" + status.submissionId())
			.body(status);
	}

	@GetMapping("/api/v1/submissions/files/{id}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "文件报送进度 / Status and progress of a file submission")
	FileStatus status(@PathVariable long id, Authentication authentication) {
		return visible(id, authentication);
	}

	@GetMapping("/api/v1/submissions/files/{id}/rejected.{format}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "下载被拒绝的行 / Download the rejected rows with their reasons (xlsx or csv)")
	void rejected(@PathVariable long id, @PathVariable String format, Authentication authentication,
			HttpServletResponse response) throws IOException {
		visible(id, authentication);
		RejectedFormat f = switch (format) {
			case "xlsx" -> RejectedFormat.XLSX;
			case "csv" -> RejectedFormat.CSV;
			default -> throw DomainException.notFound("NOT_FOUND");
		};
		response.setContentType(f == RejectedFormat.XLSX
				? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"rejected-" + id + "." + format + "\"");
		audit.record(AuditEntry.of("SUBMISSION_REJECTED_EXPORTED", AuditEntry.Outcome.SUCCESS,
				Map.of("submissionId", id, "format", format)));
		files.writeRejected(id, f, response.getOutputStream());
	}

	/** A submission is visible to its organisation and to platform administrators and auditors. */
	private FileStatus visible(long id, Authentication authentication) {
		FileStatus status = files.status(id).orElseThrow(() -> DomainException.notFound("SUBMISSION_UNKNOWN", id));
		boolean oversight = authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_PLATFORM_ADMIN") || a.getAuthority().equals("ROLE_AUDITOR"));
		if (!oversight && IngestWeb.member(authentication).organisationId() != status.organisationId()) {
			throw DomainException.notFound("SUBMISSION_UNKNOWN", id);
		}
		return status;
	}

	static Charset charset(String name) {
		if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
			return null;
		}
		try {
			return Charset.forName(name.strip());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
			throw DomainException.badRequest("CHARSET_UNKNOWN", name);
		}
	}
}
