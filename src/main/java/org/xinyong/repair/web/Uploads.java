package org.xinyong.repair.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.xinyong.platform.DomainException;
import org.xinyong.repair.internal.AttachmentStore;

/** Uploaded proof files, refused early when larger than allowed. */
final class Uploads {

	private Uploads() {
	}

	static List<AttachmentStore.Upload> of(List<MultipartFile> files, AttachmentStore attachments) {
		List<AttachmentStore.Upload> out = new ArrayList<>();
		if (files == null) {
			return out;
		}
		for (MultipartFile f : files) {
			if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
				continue;
			}
			if (f.getSize() > attachments.maxBytes()) {
				throw DomainException.badRequest("REPAIR_ATTACHMENT_TOO_LARGE", f.getOriginalFilename(),
						attachments.maxBytes() / 1024 / 1024);
			}
			try {
				out.add(new AttachmentStore.Upload(f.getOriginalFilename(), f.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return out;
	}
}
