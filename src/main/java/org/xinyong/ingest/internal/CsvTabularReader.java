package org.xinyong.ingest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

import org.xinyong.platform.DomainException;

/**
 * Streams a CSV file (comma, or semicolon/tab when the first line has no comma) with a hand-written parser working
 * on a {@code char[]} buffer. It reads exactly what Apache commons-csv's {@code CSVFormat.RFC4180} with
 * {@code ignoreEmptyLines} reads (its former implementation, kept as the reference in the tests):
 * <ul>
 * <li>line ends are LF, CRLF or a lone CR; completely empty lines are skipped and not counted as records; a last
 * line without line end is a record, a trailing line end adds none; a line of only spaces or delimiters is a
 * record;</li>
 * <li>a field starting with a double quote is quoted: two double quotes inside are one, delimiters and line ends inside are
 * data, end of file inside is an error; after the closing quote only whitespace ({@link Character#isWhitespace})
 * then a delimiter, a line end or the end of file may follow, anything else is an error;</li>
 * <li>in an unquoted field every character but the delimiter and line ends is data (quotes included); nothing is
 * trimmed; empty fields are empty strings, never null.</li>
 * </ul>
 * Records are numbered from 1 (the header).
 */
final class CsvTabularReader implements TabularReader {

	private static final int BUFFER = 1 << 16;
	private static final char QUOTE = '"';

	private final CountingStream counter;
	private final long total;
	private final Reader reader;
	private final char delimiter;
	private final List<String> headers;

	private final char[] buf = new char[BUFFER];
	private int pos;
	private int lim;
	private boolean eof;
	/** Collects a field spanning buffer refills or holding doubled quotes. */
	private final StringBuilder field = new StringBuilder();
	private long recordNumber;
	private int width = 16;

	CsvTabularReader(InputStream in, long total, Charset charset, long skipped) throws IOException {
		this.counter = new CountingStream(in, skipped);
		this.total = total;
		var decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		var reader = new java.io.BufferedReader(new InputStreamReader(counter, decoder), 1 << 16);
		reader.mark(1 << 15);
		String first = reader.readLine();
		reader.reset();
		char delimiter = ',';
		if (first != null && first.indexOf(',') < 0) {
			delimiter = first.indexOf('\t') >= 0 ? '\t' : first.indexOf(';') >= 0 ? ';' : ',';
		}
		this.reader = reader;
		this.delimiter = delimiter;
		List<String> record;
		try {
			record = readRecord();
		}
		catch (IOException e) {
			// as with commons-csv, any failure reading the header (decoding or quoting) is reported as encoding
			throw encoding(e);
		}
		if (record == null) {
			throw DomainException.unprocessable("FILE_HEADER_MISSING");
		}
		List<String> h = new ArrayList<>(record.size());
		for (String cell : record) {
			String clean = RowValidator.clean(cell);
			h.add(clean == null ? "" : clean);
		}
		this.headers = List.copyOf(h);
	}

	private static DomainException encoding(Exception e) {
		return DomainException.unprocessable("FILE_ENCODING_INVALID", String.valueOf(e.getMessage()));
	}

	@Override
	public List<String> headers() {
		return headers;
	}

	@Override
	public Row next() {
		try {
			List<String> cells = readRecord();
			// the header is row 1; count data rows as the submitter sees them (ignoring skipped empty lines)
			return cells == null ? null : new Row(recordNumber, cells);
		}
		catch (IOException e) {
			throw DomainException.unprocessable("FILE_CORRUPT", String.valueOf(e.getMessage()));
		}
	}

	/** Refills the buffer; false at the end of the input. */
	private boolean fill() throws IOException {
		if (eof) {
			return false;
		}
		int n;
		do {
			n = reader.read(buf, 0, BUFFER);
		}
		while (n == 0);
		if (n < 0) {
			eof = true;
			pos = lim = 0;
			return false;
		}
		pos = 0;
		lim = n;
		return true;
	}

	/** The next record's cells, or null at the end of the input. */
	private List<String> readRecord() throws IOException {
		// skip empty lines (CR and LF alike: a CRLF is just two of them here)
		for (;;) {
			if (pos >= lim && !fill()) {
				return null;
			}
			char c = buf[pos];
			if (c != '\n' && c != '\r') {
				break;
			}
			pos++;
		}
		recordNumber++;
		List<String> cells = new ArrayList<>(width);
		boolean more;
		do {
			if (pos >= lim && !fill()) {
				// end of file right after a delimiter: one last empty field
				cells.add("");
				break;
			}
			more = buf[pos] == QUOTE ? quoted(cells) : simple(cells);
		}
		while (more);
		width = Math.max(width, cells.size());
		return cells;
	}

	/** Reads an unquoted field; true when a delimiter follows (more fields in the record). */
	private boolean simple(List<String> cells) throws IOException {
		final char d = delimiter;
		final char[] b = buf;
		boolean spanning = false;
		for (;;) {
			int start = pos;
			int i = start;
			int end = lim;
			char c = 0;
			while (i < end) {
				c = b[i];
				if (c == d || c == '\n' || c == '\r') {
					break;
				}
				i++;
			}
			if (i < end) {
				if (spanning) {
					field.append(b, start, i - start);
					cells.add(field.toString());
					field.setLength(0);
				}
				else {
					cells.add(i == start ? "" : new String(b, start, i - start));
				}
				pos = i + 1;
				return c == d || endOfLine(c);
			}
			field.append(b, start, i - start);
			spanning = true;
			if (!fill()) {
				cells.add(field.toString());
				field.setLength(0);
				return false;
			}
		}
	}

	/** After a line end character: swallows the LF of a CRLF if already buffered; always false (record ends). */
	private boolean endOfLine(char c) {
		if (c == '\r' && pos < lim && buf[pos] == '\n') {
			pos++;
		}
		// a LF left unread (CRLF split by a refill) is skipped as an empty line by the next record
		return false;
	}

	/** Reads a quoted field (at its opening quote); true when a delimiter follows. */
	private boolean quoted(List<String> cells) throws IOException {
		pos++;
		final char[] b = buf;
		// fast path: no doubled quote and the closing quote in the buffer
		int i = pos;
		while (i < lim && b[i] != QUOTE) {
			i++;
		}
		if (i + 1 < lim && b[i + 1] != QUOTE) {
			cells.add(i == pos ? "" : new String(b, pos, i - pos));
			pos = i + 1;
			return afterQuote();
		}
		for (;;) {
			int start = pos;
			i = start;
			while (i < lim && b[i] != QUOTE) {
				i++;
			}
			field.append(b, start, i - start);
			if (i == lim) {
				if (!fill()) {
					field.setLength(0);
					throw new IOException("End of file inside a quoted field (record " + recordNumber + ")");
				}
				continue;
			}
			pos = i + 1;
			if (pos >= lim && !fill()) {
				break;
			}
			if (b[pos] == QUOTE) {
				field.append(QUOTE);
				pos++;
			}
			else {
				break;
			}
		}
		cells.add(field.toString());
		field.setLength(0);
		return afterQuote();
	}

	/** After a closing quote: whitespace, then a delimiter (true), a line end or the end of file (false). */
	private boolean afterQuote() throws IOException {
		for (;;) {
			if (pos >= lim && !fill()) {
				return false;
			}
			char c = buf[pos++];
			if (c == delimiter) {
				return true;
			}
			if (c == '\n' || c == '\r') {
				return endOfLine(c);
			}
			if (!Character.isWhitespace(c)) {
				throw new IOException("Invalid character '" + c + "' after a closing quote (record " + recordNumber
						+ ")");
			}
		}
	}

	@Override
	public long bytesRead() {
		return counter.count;
	}

	@Override
	public long totalBytes() {
		return total;
	}

	@Override
	public void close() throws IOException {
		reader.close();
	}

	/** Counts the bytes read from the file, for progress. */
	static final class CountingStream extends FilterInputStream {

		long count;

		CountingStream(InputStream in, long initial) {
			super(in);
			this.count = initial;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}
	}
}
