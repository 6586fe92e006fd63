package org.xinyong.ingest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.xinyong.platform.DomainException;

/** Streams a CSV file (RFC 4180 quoting; comma, or semicolon/tab when the header has no comma). */
final class CsvTabularReader implements TabularReader {

	private final CountingStream counter;
	private final long total;
	private final CSVParser parser;
	private final Iterator<CSVRecord> records;
	private final List<String> headers;

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
		this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get().parse(reader);
		this.records = parser.iterator();
		try {
			if (!records.hasNext()) {
				throw DomainException.unprocessable("FILE_HEADER_MISSING");
			}
			List<String> h = new ArrayList<>();
			for (String cell : records.next()) {
				h.add(RowValidator.clean(cell) == null ? "" : RowValidator.clean(cell));
			}
			this.headers = List.copyOf(h);
		}
		catch (java.io.UncheckedIOException e) {
			throw encoding(e);
		}
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
			if (!records.hasNext()) {
				return null;
			}
			CSVRecord record = records.next();
			List<String> cells = new ArrayList<>(record.size());
			for (String cell : record) {
				cells.add(cell);
			}
			// the header is row 1; count data rows as the submitter sees them (ignoring skipped empty lines)
			return new Row(record.getRecordNumber(), cells);
		}
		catch (java.io.UncheckedIOException | IllegalStateException e) {
			throw DomainException.unprocessable("FILE_CORRUPT", String.valueOf(e.getMessage()));
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
		parser.close();
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
