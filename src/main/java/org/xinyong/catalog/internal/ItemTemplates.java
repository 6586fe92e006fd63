package org.xinyong.catalog.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.FieldSchema.AllowedValue;
import org.xinyong.catalog.FieldType;
import org.xinyong.catalog.PublishedItem;

/**
 * The spreadsheet template of an item. Sheet 1 ("data"): row 1 the Chinese field labels (required ones in bold
 * red, each with a comment giving key, type and rules), row 2 the field keys, row 3 an example (grey italic; to be
 * overwritten or deleted), data from row 3 on. Enumerations have drop-down lists of their labels (kept on a hidden
 * sheet), date columns are formatted {@code yyyy-mm-dd}. Sheet 2 explains every field.
 */
@Component
public class ItemTemplates {

	/** Rows (after the two header rows) that carry drop-downs and formats. */
	static final int PREPARED_ROWS = 2000;
	static final String LISTS_SHEET = "_lists";
	static final String EXAMPLE_SUBJECT_CODE = org.xinyong.catalog.Templates.EXAMPLE_SUBJECT_CODE;
	static final String EXAMPLE_UNIFIED_CODE = "11640000MB1900027Y";
	static final LocalDate EXAMPLE_DATE = LocalDate.of(2025, 6, 30);

	private final MessageSource messages;

	ItemTemplates(MessageSource messages) {
		this.messages = messages;
	}

	public byte[] template(PublishedItem published, int catalogVersion, Locale locale) {
		CatalogItem item = published.item();
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet data = wb.createSheet(WorkbookUtil.createSafeSheetName(item.name() == null ? item.code() : item.name()));
			Sheet help = wb.createSheet(WorkbookUtil.createSafeSheetName(msg("catalog.template.helpSheet", locale)));
			Sheet lists = wb.createSheet(LISTS_SHEET);
			wb.setSheetHidden(wb.getSheetIndex(lists), true);

			Font bold = wb.createFont();
			bold.setBold(true);
			Font requiredFont = wb.createFont();
			requiredFont.setBold(true);
			requiredFont.setColor(IndexedColors.DARK_RED.getIndex());
			Font exampleFont = wb.createFont();
			exampleFont.setItalic(true);
			exampleFont.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
			CellStyle header = headerStyle(wb, bold);
			CellStyle requiredHeader = headerStyle(wb, requiredFont);
			CellStyle keyStyle = wb.createCellStyle();
			keyStyle.setFont(exampleFont);
			short dateFormat = wb.createDataFormat().getFormat("yyyy-mm-dd");
			short textFormat = wb.createDataFormat().getFormat("@");
			CellStyle dateStyle = wb.createCellStyle();
			dateStyle.setDataFormat(dateFormat);
			CellStyle textStyle = wb.createCellStyle();
			textStyle.setDataFormat(textFormat);
			CellStyle exampleStyle = wb.createCellStyle();
			exampleStyle.setFont(exampleFont);
			exampleStyle.setDataFormat(textFormat);
			CellStyle exampleDate = wb.createCellStyle();
			exampleDate.setFont(exampleFont);
			exampleDate.setDataFormat(dateFormat);
			CellStyle exampleNumber = wb.createCellStyle();
			exampleNumber.setFont(exampleFont);

			Row labels = data.createRow(0);
			Row keys = data.createRow(1);
			Row example = data.createRow(2);
			Drawing<?> drawing = data.createDrawingPatriarch();
			DataValidationHelper validations = data.getDataValidationHelper();
			int listColumn = 0;
			for (int col = 0; col < item.fields().size(); col++) {
				FieldSchema f = item.fields().get(col);
				var label = labels.createCell(col);
				label.setCellValue(f.label());
				label.setCellStyle(f.required() ? requiredHeader : header);
				ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
				anchor.setCol1(col);
				anchor.setCol2(col + 3);
				anchor.setRow1(0);
				anchor.setRow2(6);
				Comment comment = drawing.createCellComment(anchor);
				comment.setString(wb.getCreationHelper().createRichTextString(describe(f, locale)));
				comment.setAuthor("xinyong");
				label.setCellComment(comment);
				var key = keys.createCell(col);
				key.setCellValue(f.key());
				key.setCellStyle(keyStyle);
				data.setColumnWidth(col, Math.min(60, Math.max(12, f.label().length() * 2 + 4)) * 256);

				var cell = example.createCell(col);
				switch (f.type()) {
					case DATE -> {
						cell.setCellValue(EXAMPLE_DATE);
						cell.setCellStyle(exampleDate);
						data.setDefaultColumnStyle(col, dateStyle);
					}
					case DECIMAL -> {
						cell.setCellValue(1.5);
						cell.setCellStyle(exampleNumber);
					}
					case INTEGER -> {
						cell.setCellValue(1);
						cell.setCellStyle(exampleNumber);
					}
					default -> {
						cell.setCellValue(exampleText(f, locale));
						cell.setCellStyle(exampleStyle);
						data.setDefaultColumnStyle(col, textStyle);
					}
				}
				CellRangeAddressList rows = new CellRangeAddressList(2, PREPARED_ROWS + 1, col, col);
				if (f.type() == FieldType.ENUM || f.type() == FieldType.BOOLEAN) {
					String[] options = f.type() == FieldType.BOOLEAN ? new String[] { "是", "否" }
							: f.allowedValues().stream().map(AllowedValue::label).toArray(String[]::new);
					for (int i = 0; i < options.length; i++) {
						Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
						row.createCell(listColumn).setCellValue(options[i]);
					}
					String column = CellReference.convertNumToColString(listColumn);
					DataValidationConstraint constraint = validations.createFormulaListConstraint(
							"'" + LISTS_SHEET + "'!$" + column + "$1:$" + column + "$" + options.length);
					DataValidation validation = validations.createValidation(constraint, rows);
					validation.setShowErrorBox(true);
					validation.setSuppressDropDownArrow(true);
					validation.createErrorBox(msg("catalog.template.invalidTitle", locale),
							msg("catalog.template.invalidEnum", locale));
					data.addValidationData(validation);
					listColumn++;
				}
				else if (f.type() == FieldType.DATE) {
					DataValidationConstraint constraint = validations.createDateConstraint(
							DataValidationConstraint.OperatorType.BETWEEN, "DATE(1949,10,1)", "DATE(2199,12,31)",
							"yyyy-mm-dd");
					DataValidation validation = validations.createValidation(constraint, rows);
					validation.setShowErrorBox(true);
					validation.createErrorBox(msg("catalog.template.invalidTitle", locale),
							msg("catalog.template.invalidDate", locale));
					data.addValidationData(validation);
				}
				else if (f.maxLength() != null && f.type() == FieldType.TEXT) {
					DataValidationConstraint constraint = validations.createTextLengthConstraint(
							DataValidationConstraint.OperatorType.LESS_OR_EQUAL, String.valueOf(f.maxLength()), null);
					DataValidation validation = validations.createValidation(constraint, rows);
					validation.setShowErrorBox(true);
					validation.createErrorBox(msg("catalog.template.invalidTitle", locale),
							msg("catalog.template.invalidLength", new Object[] { f.maxLength() }, locale));
					data.addValidationData(validation);
				}
			}
			data.createFreezePane(0, 2);
			helpSheet(help, published, catalogVersion, header, locale);
			wb.setActiveSheet(0);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void helpSheet(Sheet help, PublishedItem published, int catalogVersion, CellStyle header, Locale locale) {
		CatalogItem item = published.item();
		int r = 0;
		help.createRow(r++).createCell(0).setCellValue(msg("catalog.template.title",
				new Object[] { item.name(), item.code(), published.catalogCode(), catalogVersion }, locale));
		help.createRow(r++).createCell(0).setCellValue(msg("catalog.template.rows", locale));
		r++;
		String[] columns = { "catalog.template.col.label", "catalog.template.col.key", "catalog.template.col.type",
				"catalog.template.col.required", "catalog.template.col.maxLength", "catalog.template.col.values" };
		Row head = help.createRow(r++);
		for (int i = 0; i < columns.length; i++) {
			var cell = head.createCell(i);
			cell.setCellValue(msg(columns[i], locale));
			cell.setCellStyle(header);
			help.setColumnWidth(i, (i == 5 ? 80 : 22) * 256);
		}
		for (FieldSchema f : item.fields()) {
			Row row = help.createRow(r++);
			row.createCell(0).setCellValue(f.label());
			row.createCell(1).setCellValue(f.key());
			row.createCell(2).setCellValue(msg("catalog.fieldType." + f.type().name(), locale));
			row.createCell(3).setCellValue(msg(f.required() ? "catalog.yes" : "catalog.no", locale));
			if (f.maxLength() != null) {
				row.createCell(4).setCellValue(f.maxLength());
			}
			row.createCell(5).setCellValue(values(f));
		}
	}

	private String describe(FieldSchema f, Locale locale) {
		StringBuilder s = new StringBuilder();
		s.append(f.key()).append(" · ").append(msg("catalog.fieldType." + f.type().name(), locale));
		s.append(" · ").append(msg(f.required() ? "catalog.template.required" : "catalog.template.optional", locale));
		if (f.maxLength() != null) {
			s.append(" · ≤").append(f.maxLength());
		}
		if (!f.allowedValues().isEmpty()) {
			s.append("\n").append(values(f));
		}
		return s.toString();
	}

	private static String values(FieldSchema f) {
		StringBuilder s = new StringBuilder();
		for (AllowedValue v : f.allowedValues()) {
			s.append(s.isEmpty() ? "" : "；").append(v.label()).append("（").append(v.value()).append("）");
		}
		return s.toString();
	}

	private String exampleText(FieldSchema f, Locale locale) {
		String text = switch (f.type()) {
			case SUBJECT_CODE -> EXAMPLE_SUBJECT_CODE;
			case UNIFIED_CODE -> EXAMPLE_UNIFIED_CODE;
			case ENUM -> f.allowedValues().get(0).label();
			case BOOLEAN -> "是";
			default -> msg("catalog.template.example", new Object[] { f.label() }, locale);
		};
		return f.maxLength() != null && text.length() > f.maxLength() ? text.substring(0, f.maxLength()) : text;
	}

	private static CellStyle headerStyle(XSSFWorkbook wb, Font font) {
		CellStyle style = wb.createCellStyle();
		style.setFont(font);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		style.setWrapText(true);
		return style;
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private String msg(String key, Object[] args, Locale locale) {
		return messages.getMessage(key, args, key, locale);
	}
}
