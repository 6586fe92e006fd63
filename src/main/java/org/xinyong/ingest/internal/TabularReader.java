package org.xinyong.ingest.internal;

import java.io.IOException;
import java.util.List;

/** A streaming reader of a submitted file's rows (CSV or XLSX), as the file job consumes it. */
interface TabularReader extends AutoCloseable {

	List<String> headers();

	/** The next data row, or null at the end. */
	Row next() throws IOException;

	long bytesRead();

	long totalBytes();

	@Override
	void close() throws IOException;

	/**
	 * @param rowNumber the row's number as the submitter sees it (the header is row 1)
	 */
	record Row(long rowNumber, List<String> cells) {
	}
}
