package org.xinyong.ingest;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.UUID;

/**
 * The versions of a {@link CreditRecordsChanged} held as columns of primitives (about 50 instead of about 150 bytes
 * per version): during a file load the deferred consumers' events wait in memory until the file is done, and a
 * batch's event lives as long as its batch is written, so its size is what the garbage collector copies. Elements
 * are created on access; the list is immutable and equal to any list of the same versions.
 */
final class CompactVersions extends AbstractList<RecordVersionRef> implements RandomAccess {

	private static final VersionKind[] KINDS = VersionKind.values();
	private static final int NO_DATE = Integer.MIN_VALUE;

	private final long[] idHigh;
	private final long[] idLow;
	private final int[] versionNos;
	private final byte[] kinds;
	private final String[] items;
	private final long[] subjectIds;
	private final long[] providerIds;
	private final int[] decisionDays;
	private final String[] severities;

	private CompactVersions(int n) {
		idHigh = new long[n];
		idLow = new long[n];
		versionNos = new int[n];
		kinds = new byte[n];
		items = new String[n];
		subjectIds = new long[n];
		providerIds = new long[n];
		decisionDays = new int[n];
		severities = new String[n];
	}

	static List<RecordVersionRef> of(List<RecordVersionRef> versions) {
		if (versions instanceof CompactVersions compact) {
			return compact;
		}
		CompactVersions out = new CompactVersions(versions.size());
		int i = 0;
		String item = null;
		String severity = null;
		for (RecordVersionRef v : versions) {
			out.idHigh[i] = v.recordId().getMostSignificantBits();
			out.idLow[i] = v.recordId().getLeastSignificantBits();
			out.versionNos[i] = v.versionNo();
			out.kinds[i] = (byte) v.kind().ordinal();
			// the same few strings repeat: keep one instance of each run
			item = v.catalogItem() != null && v.catalogItem().equals(item) ? item : v.catalogItem();
			out.items[i] = item;
			out.subjectIds[i] = v.subjectId();
			out.providerIds[i] = v.providerId();
			out.decisionDays[i] = v.decisionDate() == null ? NO_DATE : (int) v.decisionDate().toEpochDay();
			severity = v.severity() != null && v.severity().equals(severity) ? severity : v.severity();
			out.severities[i] = severity;
			i++;
		}
		return out;
	}

	@Override
	public RecordVersionRef get(int i) {
		return new RecordVersionRef(new UUID(idHigh[i], idLow[i]), versionNos[i], KINDS[kinds[i]], items[i],
				subjectIds[i], providerIds[i], decisionDays[i] == NO_DATE ? null : LocalDate.ofEpochDay(decisionDays[i]),
				severities[i]);
	}

	@Override
	public int size() {
		return idHigh.length;
	}
}
