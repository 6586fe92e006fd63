package org.xinyong.objection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xinyong.platform.DomainException;

/**
 * Attachments of objections: PDF, PNG and JPEG only — recognised by their first bytes, whatever the name or the
 * declared type says — each within the size limit, stored on disk with their SHA-256.
 */
@Component
public class Attachments {

	/** A file as uploaded. */
	public record Upload(String fileName, long size, InputStreamSource content) {
	}

	enum FileType {
		PDF("application/pdf", "pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
		PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }),
		JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });

		final String contentType;
		final String extension;
		final byte[] magic;

		FileType(String contentType, String extension, byte[] magic) {
			this.contentType = contentType;
			this.extension = extension;
			this.magic = magic;
		}

		static FileType of(byte[] head) {
			for (FileType t : values()) {
				if (head.length >= t.magic.length && Arrays.equals(head, 0, t.magic.length, t.magic, 0, t.magic.length)) {
					return t;
				}
			}
			return null;
		}
	}

	private final JdbcClient jdbc;
	private final ObjectionProperties properties;

	Attachments(JdbcClient jdbc, ObjectionProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** The uploads that carry a file (browsers send an empty part when none was chosen). */
	static List<Upload> present(List<Upload> uploads) {
		return uploads == null ? List.of()
				: uploads.stream().filter(u -> u != null && (u.size() > 0 || (u.fileName() != null && !u.fileName().isBlank()))).toList();
	}

	/** Refuses the uploads unless every one is an accepted type within the limits. */
	void check(List<Upload> uploads) {
		if (uploads.size() > properties.maxAttachments()) {
			throw DomainException.unprocessable("OBJECTION_ATTACHMENTS_TOO_MANY", properties.maxAttachments());
		}
		for (Upload u : uploads) {
			String name = name(u);
			if (u.size() <= 0) {
				throw DomainException.unprocessable("OBJECTION_ATTACHMENT_EMPTY", name);
			}
			if (u.size() > properties.maxAttachmentBytes()) {
				throw DomainException.unprocessable("OBJECTION_ATTACHMENT_TOO_LARGE", name,
						properties.maxAttachmentBytes() / 1024);
			}
			if (FileType.of(head(u)) == null) {
				throw DomainException.unprocessable("OBJECTION_ATTACHMENT_TYPE", name);
			}
		}
	}

	/** Stores checked uploads for the case; the files go again if the transaction rolls back. */
	List<Long> store(long caseId, List<Upload> uploads) {
		List<Long> ids = new java.util.ArrayList<>();
		Path dir = properties.uploadDir().resolve(String.valueOf(caseId));
		List<Path> written = new java.util.ArrayList<>();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						written.forEach(f -> f.toFile().delete());
					}
				}
			});
		}
		try {
			Files.createDirectories(dir);
			for (Upload u : uploads) {
				FileType type = FileType.of(head(u));
				Path target = dir.resolve(UUID.randomUUID() + "." + type.extension);
				written.add(target);
				MessageDigest sha = MessageDigest.getInstance("SHA-256");
				long size;
				try (InputStream in = new java.security.DigestInputStream(u.content().getInputStream(), sha)) {
					size = Files.copy(in, target);
				}
				if (size > properties.maxAttachmentBytes()) {
					Files.deleteIfExists(target);
					throw DomainException.unprocessable("OBJECTION_ATTACHMENT_TOO_LARGE", name(u),
							properties.maxAttachmentBytes() / 1024);
				}
				ids.add(jdbc.sql("""
						insert into objection_attachment (objection_id, file_name, content_type, size_bytes, sha256, path)
						values (?, ?, ?, ?, ?, ?) returning id""")
					.params(caseId, name(u), type.contentType, size, sha.digest(), target.toString())
					.query(Long.class)
					.single());
			}
			return ids;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The stored file of an attachment of the case. */
	Path file(long caseId, long attachmentId) {
		return jdbc.sql("select path from objection_attachment where id = ? and objection_id = ?")
			.params(attachmentId, caseId)
			.query(String.class)
			.optional()
			.map(Path::of)
			.orElseThrow(() -> DomainException.notFound("OBJECTION_ATTACHMENT_UNKNOWN", attachmentId));
	}

	private static String name(Upload u) {
		String n = u.fileName() == null ? "" : u.fileName().substring(Math.max(u.fileName().lastIndexOf('/'),
				u.fileName().lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "").strip();
		n = n.isEmpty() ? "file" : n;
		return n.length() > 200 ? n.substring(0, 200) : n;
	}

	private static byte[] head(Upload u) {
		try (InputStream in = u.content().getInputStream()) {
			return in.readNBytes(8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
