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

	/** Each cell as a length (−1 for none) in a variable number of bytes, then its UTF-8 bytes. */
	static byte[] pack(List<String> cells) {
		CopyBuffer out = new CopyBuffer(64 * cells.size());
		for (String cell : cells) {
			if (cell == null) {
				length(out, 0);
				continue;
			}
			byte[] utf8 = cell.getBytes(StandardCharsets.UTF_8);
			length(out, utf8.length + 1);
			out.put(utf8);
		}
		return out.toByteArray();
	}

	static List<String> unpack(byte[] packed) {
		List<String> cells = new ArrayList<>();
		int i = 0;
		while (i < packed.length) {
			int length = 0;
			int shift = 0;
			byte b;
			do {
				b = packed[i++];
				length |= (b & 0x7F) << shift;
				shift += 7;
			}
			while ((b & 0x80) != 0);
			if (length == 0) {
				cells.add(null);
				continue;
			}
			cells.add(new String(packed, i, length - 1, StandardCharsets.UTF_8));
			i += length - 1;
		}
		return cells;
	}

	private static void length(CopyBuffer out, int n) {
		while (n >= 0x80) {
			out.put(0x80 | (n & 0x7F));
			n >>>= 7;
		}
		out.put(n);
	}
}
