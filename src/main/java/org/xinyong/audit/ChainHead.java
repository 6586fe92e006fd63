package org.xinyong.audit;

/**
 * The audit chain's head reserved for new entries in the current transaction: their ids and the hash of the entry
 * they chain on. The audit module's published SQL function {@code audit_chain_append(n)} (migration V5_13) reserves
 * it and takes the chain's lock until the transaction ends, so a caller may reserve the head in the same statement as
 * its own write (one round trip less) and then hand it to {@link AuditLog#recordAll(java.util.List, ChainHead)} in that
 * transaction. Read the function's two columns with {@link #of}.
 *
 * @param ids      the reserved ids, in chain order
 * @param previous the hash the first entry chains on
 */
public record ChainHead(long[] ids, byte[] previous) {

	/** The hash the first entry of an empty log chains on. */
	static final byte[] GENESIS = new byte[32];

	/** The head from the function's columns {@code ids} and {@code previous} (null for an empty log). */
	public static ChainHead of(Long[] ids, byte[] previous) {
		long[] out = new long[ids.length];
		for (int i = 0; i < ids.length; i++) {
			out[i] = ids[i];
		}
		return new ChainHead(out, previous == null ? GENESIS.clone() : previous);
	}

	/**
	 * The head for the first {@code n} of the reserved entries, when fewer are appended than were reserved (the ids
	 * left unused are a gap in the sequence, which the chain allows: it links entries in id order).
	 */
	public ChainHead first(int n) {
		if (n < 0 || n > ids.length) {
			throw new IllegalArgumentException(n + " of " + ids.length + " reserved ids");
		}
		return n == ids.length ? this : new ChainHead(java.util.Arrays.copyOf(ids, n), previous);
	}

	/** Reads the columns {@code ids} and {@code previous} of {@code audit_chain_append} from the current row. */
	public static ChainHead read(java.sql.ResultSet rs) throws java.sql.SQLException {
		return of((Long[]) rs.getArray("ids").getArray(), rs.getBytes("previous"));
	}
}
