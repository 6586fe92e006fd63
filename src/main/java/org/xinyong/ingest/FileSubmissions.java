package org.xinyong.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Submissions as files (CSV in UTF-8 or GBK, XLSX), processed in the background with progress, bounded memory
 * (streaming) and a downloadable report of the rejected rows. Resumes after a restart where it stopped.
 */
public interface FileSubmissions {

	/**
	 * Stores the file and queues it. Repeating a submission key returns the existing submission.
	 *
	 * @param declaredCharset the CSV's encoding if the submitter states it; null to detect (UTF-8, with or without
	 *                        BOM, or GBK)
	 */
	FileStatus accept(FileUpload upload) throws IOException;

	Optional<FileStatus> status(long submissionId);

	/** The organisation's file submissions (all organisations' when {@code organisationId} is null), newest first. */
	List<FileStatus> recent(Long organisationId, int limit);

	/** Writes the rejected rows with their reasons as XLSX or CSV (UTF-8 with BOM). */
	void writeRejected(long submissionId, RejectedFormat format, OutputStream out) throws IOException;

	enum RejectedFormat {
		XLSX, CSV
	}

	/** A file to submit. */
	record FileUpload(long organisationId, String organisationCode, String actor, String catalogItem,
			String submissionKey, String fileName, Charset declaredCharset, InputStream content) {
	}

	/**
	 * Where a file submission stands.
	 *
	 * @param status      QUEUED, RUNNING, DONE or FAILED
	 * @param progress    0–1, by bytes read
	 * @param failureCode why the whole file was refused (e.g. {@code FILE_COLUMNS_UNKNOWN}), if it was
	 */
	record FileStatus(long submissionId, long organisationId, String catalogItem, String fileName, String status,
			double progress, long rowsRead, long accepted, long rejected, long created, long changed, long unchanged,
			String failureCode, List<String> failureArgs, String submittedBy, Instant submittedAt,
			Instant finishedAt) {
	}
}
