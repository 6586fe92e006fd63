package org.xinyong.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ledger as other modules and the web use it. */
public interface Ledger {

	/** The latest signed checkpoint, if any. */
	Optional<SignedCheckpoint> latestCheckpoint();

	/** Signs a checkpoint of the current tree now (also done periodically). */
	SignedCheckpoint checkpoint();

	/** The leaf of a record version, if it has been appended. */
	Optional<Leaf> leafOf(UUID recordId, int versionNo);

	/** Audit path of leaf {@code index} in the tree of the first {@code size} leaves (RFC 6962 §2.1.1). */
	List<byte[]> inclusionProof(long index, long size);

	/** Consistency proof between the trees of sizes {@code from} and {@code to} (RFC 6962 §2.1.2). */
	List<byte[]> consistencyProof(long from, long to);

	long size();

	/**
	 * Appends a status event that changes what the public sees (e.g. {@code DISCLOSURE_ENDED}, {@code LIST_INCLUDED},
	 * {@code REPAIRED}) as a leaf, in the caller's transaction, and returns its leaf index.
	 *
	 * @param reference what the event concerns, e.g. {@code record:<id>/<version>} or {@code list-entry:<id>}
	 * @param details   the event's facts as one line of text (e.g. canonical JSON)
	 */
	long appendEvent(String kind, String reference, String details);

	String algorithm();

	/** A leaf: its index, hash, and the canonical bytes it hashes (for record versions). */
	record Leaf(long index, byte[] hash, byte[] data) {
	}

	/** A signed checkpoint (tree size, root, time) with the SM2 signature and the signing public key. */
	record SignedCheckpoint(long treeSize, byte[] rootHash, String algorithm, java.time.Instant signedAt,
			String signedText, String signature, String publicKeyPem) {
	}
}
