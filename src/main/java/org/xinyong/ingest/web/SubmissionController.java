package org.xinyong.ingest.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.ingest.SubmissionResult;
import org.xinyong.ingest.SubmitCommand;
import org.xinyong.ingest.Submissions;
import org.xinyong.platform.OrganisationMember;

/** Providers submit credit records by API. */
@RestController
@RequestMapping("/api/v1/submissions")
@Tag(name = "ingest", description = "信用信息归集 / Submitting credit records")
class SubmissionController {

	private final Submissions submissions;
	private final MessageSource messages;

	SubmissionController(Submissions submissions, MessageSource messages) {
		this.submissions = submissions;
		this.messages = messages;
	}

	record SubmissionRequest(String catalogItem, String submissionKey, List<Map<String, Object>> records) {
	}

	record SubmissionResponse(long submissionId, String catalogItem, long accepted, long rejected, long created,
			long changed, long unchanged, boolean replay, List<IngestWeb.ErrorView> errors) {
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('DEPARTMENT_SYSTEM', 'PROVIDER_OPERATOR', 'PLATFORM_ADMIN')")
	@Operation(summary = "报送信用信息 / Submit records",
			description = "Each record is validated on its own against the catalog item's schema: good records are "
					+ "kept, bad ones are reported with the rule they broke (row = position in 'records', 1-based). "
					+ "Repeating a submissionKey returns the first result and stores nothing twice. At most "
					+ Submissions.MAX_API_RECORDS + " records; larger batches go through the file upload.")
	SubmissionResponse submit(@RequestBody SubmissionRequest request, Authentication authentication, Locale locale) {
		OrganisationMember member = IngestWeb.member(authentication);
		SubmissionResult result = submissions.submit(new SubmitCommand(member.organisationId(),
				member.organisationCode(), authentication.getName(), request.catalogItem(), request.submissionKey(),
				request.records()));
		return new SubmissionResponse(result.submissionId(), result.catalogItem(), result.accepted(), result.rejected(),
				result.created(), result.changed(), result.unchanged(), result.replay(),
				IngestWeb.views(result.errors(), messages, locale));
	}
}
