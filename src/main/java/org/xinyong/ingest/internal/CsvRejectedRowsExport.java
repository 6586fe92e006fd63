package org.xinyong.ingest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Rejected rows as CSV in UTF-8 with a BOM (so that Excel shows the Chinese text), formulas neutralised. */
final class CsvRejectedRowsExport implements RejectedRowsExport {

	private final CSVPrinter printer;
	private final int columns;

	CsvRejectedRowsExport(List<String> headers, OutputStream out) throws IOException {
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		this.printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180);
		this.columns = headers.size();
		List<String> head = new ArrayList<>();
		head.add("行号 Row");
		headers.forEach(h -> head.add(TabularReaders.neutralise(h)));
		head.add("错误代码 Code");
		head.add("错误说明 Reason");
		printer.printRecord(head);
	}

	@Override
	public void row(long rowNumber, List<String> cells, String codes, String reasons) throws IOException {
		List<String> line = new ArrayList<>(columns + 3);
		line.add(Long.toString(rowNumber));
		for (int i = 0; i < Math.max(columns, cells.size()); i++) {
			line.add(TabularReaders.neutralise(i < cells.size() ? cells.get(i) : ""));
		}
		line.add(codes);
		line.add(TabularReaders.neutralise(reasons));
		printer.printRecord(line);
	}

	@Override
	public void close() throws IOException {
		printer.flush();
	}
}
