package org.xinyong.repair.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xinyong.platform.DomainException;

/**
 * Proof attachments: PDF, PNG or JPEG recognised by their magic bytes (never by name or declared type), at most
 * {@code xinyong.repair.max-attachment-bytes}, stored under {@code xinyong.repair.attachments-dir}.
 */
@Component
public class AttachmentStore {

	public record Upload(String fileName, byte[] content) {
	}

	public record Stored(String fileName, String contentType, long size, String sha256, String path) {
	}

	private final Path folder;
	private final long maxBytes;

	AttachmentStore(@Value("${xinyong.repair.attachments-dir:data/repair-attachments}") String folder,
			@Value("${xinyong.repair.max-attachment-bytes:10485760}") long maxBytes) {
		this.folder = Path.of(folder);
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

	/** Checks an upload; throws {@code REPAIR_ATTACHMENT_EMPTY}, {@code _TOO_LARGE} or {@code _TYPE} (400). */
	public String check(Upload upload) {
		byte[] b = upload.content();
		if (b == null || b.length == 0) {
			throw DomainException.badRequest("REPAIR_ATTACHMENT_EMPTY", upload.fileName());
		}
		if (b.length > maxBytes) {
			throw DomainException.badRequest("REPAIR_ATTACHMENT_TOO_LARGE", upload.fileName(), maxBytes / 1024 / 1024);
		}
		if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
			return "application/pdf";
		}
		if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (starts(b, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		throw DomainException.badRequest("REPAIR_ATTACHMENT_TYPE", upload.fileName());
	}

	private static boolean starts(byte[] b, int... magic) {
		if (b.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((b[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** Writes a checked upload under the application's folder, named by its SHA-256. */
	public Stored store(String applicationNumber, Upload upload) {
		String type = check(upload);
		try {
			String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upload.content()));
			String ext = switch (type) {
				case "application/pdf" -> ".pdf";
				case "image/png" -> ".png";
				default -> ".jpg";
			};
			Path dir = folder.resolve(applicationNumber);
			Files.createDirectories(dir);
			Path file = dir.resolve(sha + ext);
			Files.write(file, upload.content());
			String name = upload.fileName() == null ? sha + ext : Path.of(upload.fileName()).getFileName().toString();
			return new Stored(name, type, upload.content().length, sha, file.toString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
