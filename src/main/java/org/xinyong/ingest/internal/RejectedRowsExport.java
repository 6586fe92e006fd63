package org.xinyong.ingest.internal;

import java.io.IOException;
import java.util.List;

/** Streams the rejected rows of a submission, with their reasons, into a file for the submitter. */
interface RejectedRowsExport extends AutoCloseable {

	void row(long rowNumber, List<String> cells, String codes, String reasons) throws IOException;

	@Override
	void close() throws IOException;
}
