package org.xinyong.objection.internal;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.xinyong.account.VerificationMethod;

/**
 * @param uploadDir          where attachments are kept
 * @param maxAttachmentBytes the largest attachment accepted (default 5 MB)
 * @param maxAttachments     how many files one objection may carry (default 5)
 * @param acceptedVerification how the applicant must have proved who it is to file (default: any sign-in method the
 *                           deployment enables; e.g. {@code OIDC} to accept only the e-government unified login)
 */
@ConfigurationProperties("xinyong.objection")
public record ObjectionProperties(Path uploadDir, Long maxAttachmentBytes, Integer maxAttachments,
		Set<VerificationMethod> acceptedVerification) {

	public ObjectionProperties {
		uploadDir = uploadDir == null ? Path.of("data", "objections") : uploadDir;
		maxAttachmentBytes = maxAttachmentBytes == null ? 5L * 1024 * 1024 : maxAttachmentBytes;
		maxAttachments = maxAttachments == null ? 5 : maxAttachments;
		acceptedVerification = acceptedVerification == null || acceptedVerification.isEmpty()
				? EnumSet.allOf(VerificationMethod.class) : EnumSet.copyOf(acceptedVerification);
	}
}
