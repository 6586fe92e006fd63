package org.xinyong.ingest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xinyong.platform.DomainException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Streams the first sheet of an XLSX file with POI's SAX event API on a parser thread, handing rows over through a
 * small bounded queue: memory stays flat whatever the sheet's size. Date cells come out as ISO dates, numbers in
 * plain notation (no grouping, no scientific notation), formulas as their cached values.
 */
final class XlsxTabularReader implements TabularReader {

	private static final List<String> END = List.of("\u0000end");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final OPCPackage pkg;
	private final DiskSharedStrings strings;
	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(512);
	private final Thread parser;
	private final long fileBytes;
	private final long sheetBytes;
	private volatile long sheetRead;
	private volatile boolean closed;
	private final List<String> headers;

	XlsxTabularReader(Path file) throws IOException {
		this.fileBytes = java.nio.file.Files.size(file);
		try {
			this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
		}
		catch (InvalidFormatException | RuntimeException e) {
			throw DomainException.unprocessable("FILE_CORRUPT", String.valueOf(e.getMessage()));
		}
		try {
			XSSFReader reader = new XSSFReader(pkg);
			List<PackagePart> sst = pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/sharedStrings.xml"));
			this.strings = sst.isEmpty() ? DiskSharedStrings.empty() : DiskSharedStrings.read(sst.get(0).getInputStream());
			StylesTable styles = reader.getStylesTable();
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw DomainException.unprocessable("FILE_HEADER_MISSING");
			}
			InputStream sheet = sheets.next();
			this.sheetBytes = uncompressedSheetSize(file);
			InputStream counted = new FilterInputStream(sheet) {
				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					int n = super.read(b, off, len);
					if (n > 0) {
						sheetRead += n;
					}
					return n;
				}
			};
			this.parser = new Thread(() -> parse(styles, counted), "xlsx-reader");
			this.parser.setDaemon(true);
			this.parser.start();
		}
		catch (OpenXML4JException e) {
			pkg.revert();
			throw DomainException.unprocessable("FILE_CORRUPT", String.valueOf(e.getMessage()));
		}
		Object first = take();
		if (first == END) {
			close();
			throw DomainException.unprocessable("FILE_HEADER_MISSING");
		}
		Row header = (Row) first;
		List<String> h = new ArrayList<>();
		for (String cell : header.cells()) {
			String c = RowValidator.clean(cell);
			h.add(c == null ? "" : c);
		}
		while (!h.isEmpty() && h.get(h.size() - 1).isEmpty()) {
			h.remove(h.size() - 1);
		}
		this.headers = List.copyOf(h);
	}

	private static long uncompressedSheetSize(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry entry = zip.getEntry("xl/worksheets/sheet1.xml");
			return entry == null || entry.getSize() <= 0 ? -1 : entry.getSize();
		}
		catch (IOException e) {
			return -1;
		}
	}

	private void parse(StylesTable styles, InputStream sheet) {
		try (sheet) {
			XMLReader xml = XMLHelper.newXMLReader();
			xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(), new IsoFormatter(), false));
			xml.parse(new InputSource(sheet));
			put(END);
		}
		catch (Exception e) {
			if (!closed) {
				put(e);
			}
		}
	}

	private void put(Object o) {
		try {
			while (!closed && !queue.offer(o, 200, TimeUnit.MILLISECONDS)) {
				// the consumer is slower; wait
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private Object take() {
		try {
			Object o = queue.take();
			if (o instanceof Exception e) {
				throw DomainException.unprocessable("FILE_CORRUPT", String.valueOf(e.getMessage()));
			}
			return o;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the workbook", e);
		}
	}

	/** Collects one row's cells by column index, filling gaps with empty strings. */
	private final class Rows implements SheetContentsHandler {

		private List<String> cells;
		private int row;

		@Override
		public void startRow(int rowNum) {
			row = rowNum;
			cells = new ArrayList<>(24);
		}

		@Override
		public void endRow(int rowNum) {
			boolean blank = cells.stream().allMatch(c -> c == null || c.isBlank());
			if (!blank) {
				put(new Row(row + 1L, cells));
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? cells.size() : new CellReference(reference).getCol();
			while (cells.size() < column) {
				cells.add("");
			}
			cells.add(value == null ? "" : value);
		}
	}

	/** Dates as ISO, numbers in plain notation. */
	private static final class IsoFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime t = DateUtil.getLocalDateTime(value, use1904);
				return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
						: t.format(DATE_TIME);
			}
			BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
			return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, false);
		}
	}

	@Override
	public List<String> headers() {
		return headers;
	}

	@Override
	public Row next() {
		Object o = take();
		if (o == END) {
			queue.offer(END);
			return null;
		}
		return (Row) o;
	}

	@Override
	public long bytesRead() {
		if (sheetBytes <= 0) {
			return 0;
		}
		return (long) (fileBytes * Math.min(1.0, (double) sheetRead / sheetBytes));
	}

	@Override
	public long totalBytes() {
		return fileBytes;
	}

	@Override
	public void close() throws IOException {
		closed = true;
		parser.interrupt();
		queue.clear();
		pkg.revert();
		strings.close();
	}
}
