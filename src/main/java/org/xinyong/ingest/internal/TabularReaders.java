package org.xinyong.ingest.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.xinyong.ingest.FileSubmissions.RejectedFormat;
import org.xinyong.platform.DomainException;

/**
 * Opens submitted files as streams of rows: CSV (encoding declared, or detected — UTF-8 with or without BOM,
 * else GBK read as GB18030, its superset) and XLSX (first sheet, streamed). Legacy {@code .xls} and other formats
 * are refused with {@code FILE_FORMAT_UNSUPPORTED}.
 */
@Component
class TabularReaders {

	static final Charset GBK = Charset.forName("GB18030");
	private static final int SNIFF_BYTES = 64 * 1024;

	TabularReader open(Path file, String originalName, Charset declared) throws IOException {
		byte[] head = new byte[SNIFF_BYTES];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		if (n == 0) {
			throw DomainException.unprocessable("FILE_EMPTY");
		}
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return new XlsxTabularReader(file);
		}
		if (n >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
				&& (head[3] & 0xff) == 0xE0) {
			throw DomainException.unprocessable("FILE_FORMAT_UNSUPPORTED", originalName == null ? "" : originalName);
		}
		String lower = originalName == null ? "" : originalName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
			throw DomainException.unprocessable("FILE_FORMAT_UNSUPPORTED", originalName);
		}
		boolean bom = n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
		Charset charset = declared != null ? declared : bom || isUtf8(head, n) ? StandardCharsets.UTF_8 : GBK;
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		if (bom && charset.equals(StandardCharsets.UTF_8)) {
			in.skipNBytes(3);
		}
		return new CsvTabularReader(in, Files.size(file), charset, bom ? 3 : 0);
	}

	/** Strict UTF-8 check of a prefix, tolerating a multi-byte character cut at its end. */
	static boolean isUtf8(byte[] bytes, int length) {
		int end = length;
		if (length == bytes.length) {
			int back = 0;
			while (back < 3 && end > 0 && (bytes[end - 1] & 0xC0) == 0x80) {
				end--;
				back++;
			}
			if (end > 0 && (bytes[end - 1] & 0xC0) == 0xC0) {
				end--;
			}
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			decoder.decode(ByteBuffer.wrap(bytes, 0, end));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	RejectedRowsExport rejectedExport(RejectedFormat format, List<String> headers, OutputStream out)
			throws IOException {
		return format == RejectedFormat.XLSX ? new XlsxRejectedRowsExport(headers, out)
				: new CsvRejectedRowsExport(headers, out);
	}

	/** Cells that a spreadsheet would run as formulas get a leading apostrophe (CSV/formula injection). */
	static String neutralise(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char c = value.charAt(0);
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
	}
}
