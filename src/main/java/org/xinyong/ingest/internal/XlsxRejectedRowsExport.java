package org.xinyong.ingest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Rejected rows as a streamed XLSX workbook (100 rows in memory at a time), every cell text, formulas neutralised. */
final class XlsxRejectedRowsExport implements RejectedRowsExport {

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
	private final Sheet sheet = workbook.createSheet("被拒绝的行 Rejected");
	private final OutputStream out;
	private final int columns;
	private int next;

	XlsxRejectedRowsExport(List<String> headers, OutputStream out) {
		this.out = out;
		this.columns = headers.size();
		Row head = sheet.createRow(next++);
		head.createCell(0).setCellValue("行号 Row");
		for (int i = 0; i < headers.size(); i++) {
			head.createCell(i + 1).setCellValue(TabularReaders.neutralise(headers.get(i)));
		}
		head.createCell(columns + 1).setCellValue("错误代码 Code");
		head.createCell(columns + 2).setCellValue("错误说明 Reason");
	}

	@Override
	public void row(long rowNumber, List<String> cells, String codes, String reasons) {
		Row row = sheet.createRow(next++);
		row.createCell(0).setCellValue(rowNumber);
		for (int i = 0; i < Math.max(columns, cells.size()); i++) {
			row.createCell(i + 1).setCellValue(TabularReaders.neutralise(i < cells.size() ? cells.get(i) : ""));
		}
		int last = Math.max(columns, cells.size());
		row.createCell(last + 1).setCellValue(codes);
		row.createCell(last + 2).setCellValue(TabularReaders.neutralise(reasons));
	}

	@Override
	public void close() throws IOException {
		try {
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}
}
