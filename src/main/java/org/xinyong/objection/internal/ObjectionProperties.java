package org.xinyong.objection.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param uploadDir          where attachments are kept
 * @param maxAttachmentBytes the largest attachment accepted (default 5 MB)
 * @param maxAttachments     how many files one objection may carry (default 5)
 */
@ConfigurationProperties("xinyong.objection")
public record ObjectionProperties(Path uploadDir, Long maxAttachmentBytes, Integer maxAttachments) {

	public ObjectionProperties {
		uploadDir = uploadDir == null ? Path.of("data", "objections") : uploadDir;
		maxAttachmentBytes = maxAttachmentBytes == null ? 5L * 1024 * 1024 : maxAttachmentBytes;
		maxAttachments = maxAttachments == null ? 5 : maxAttachments;
	}
}
