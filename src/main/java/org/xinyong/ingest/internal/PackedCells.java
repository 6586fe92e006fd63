package org.xinyong.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a row as submitted, packed into one UTF-8 byte array while the row waits to be written (about a third
 * of the memory of a list of strings): a row can still be rejected when it is written, and the rejected-rows
 * download shows its cells as submitted.
 */
final class PackedCells {

	private PackedCells() {
	}

	/** A cell's end: 0xFF never occurs in UTF-8. */
	private static final int END = 0xFF;
	/** A missing cell: 0xFE never occurs in UTF-8 either. */
	private static final int NONE = 0xFE;

	private static final ThreadLocal<CopyBuffer> SCRATCH = ThreadLocal.withInitial(() -> new CopyBuffer(4096));

	/** Each cell's UTF-8 bytes followed by {@link #END}, or {@link #NONE} for a missing cell. */
	static byte[] pack(List<String> cells) {
		CopyBuffer out = SCRATCH.get();
		out.clear();
		for (String cell : cells) {
			if (cell == null) {
				out.put(NONE);
			}
			else {
				out.raw(cell).put(END);
			}
		}
		return out.toByteArray();
	}

	static List<String> unpack(byte[] packed) {
		List<String> cells = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < packed.length; i++) {
			int b = packed[i] & 0xFF;
			if (b == NONE && i == start) {
				cells.add(null);
				start = i + 1;
			}
			else if (b == END) {
				cells.add(new String(packed, start, i - start, StandardCharsets.UTF_8));
				start = i + 1;
			}
		}
		return cells;
	}
}
