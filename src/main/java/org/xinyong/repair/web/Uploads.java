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

	/**
	 * Applies for the signed-in subject, or — when {@code subjectCode} names another subject — as its authorised
	 * agent with the letter of authorisation.
	 */
	static org.xinyong.repair.RepairApplication apply(org.xinyong.repair.Repairs repairs, AttachmentStore attachments,
			org.xinyong.account.SubjectPrincipal me, java.util.UUID recordId, String obligations, String commitment,
			List<MultipartFile> proof, String subjectCode, MultipartFile authorisation) {
		List<AttachmentStore.Upload> proofs = of(proof, attachments);
		if (subjectCode == null || subjectCode.isBlank() || subjectCode.strip().equalsIgnoreCase(me.code())) {
			return repairs.apply(me.subjectId(), recordId, obligations, commitment, proofs, me.getName());
		}
		List<AttachmentStore.Upload> letter = of(authorisation == null ? null : List.of(authorisation), attachments);
		return repairs.applyAsAgent(subjectCode, recordId, obligations, commitment, proofs,
				new org.xinyong.repair.Repairs.AgentFiling(me.subjectId(), me.name(), me.method().name(),
						letter.isEmpty() ? null : letter.get(0)),
				me.getName());
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
