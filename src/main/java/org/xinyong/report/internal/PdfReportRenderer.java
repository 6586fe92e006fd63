package org.xinyong.report.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xinyong.platform.Zones;
import org.xinyong.report.CreditReport;
import org.xinyong.report.CreditReport.Change;
import org.xinyong.report.CreditReport.Field;
import org.xinyong.report.CreditReport.Item;
import org.xinyong.report.CreditReport.Section;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

/**
 * Renders a report as an A4 PDF with the CJK font embedded as a subset: header with report number, generation time
 * and issuing platform, a QR code leading to the verification page, the summary of counts, the sections with each
 * item's source unit and changes, page numbers, and an optional diagonal watermark
 * ({@code xinyong.report.watermark}).
 */
@Component
public class PdfReportRenderer {

	private static final float MARGIN = 50;
	private static final float BODY = 10;
	private static final float LEADING = 1.5f;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ReportFont fonts;
	private final MessageSource messages;
	private final ReportLinks links;
	private final String watermark;

	PdfReportRenderer(ReportFont fonts, MessageSource messages, ReportLinks links,
			@Value("${xinyong.report.watermark:}") String watermark) {
		this.fonts = fonts;
		this.messages = messages;
		this.links = links;
		this.watermark = watermark;
	}

	public byte[] render(CreditReport report, Locale locale) {
		try (PDDocument doc = new PDDocument()) {
			PDType0Font font;
			synchronized (fonts) {
				font = PDType0Font.load(doc, fonts.font(), true);
			}
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle(msg(locale, "report.title." + report.type()) + " " + report.number());
			info.setCreator(msg(locale, "report.platform"));
			Writer w = new Writer(doc, font);
			w.text(msg(locale, "report.title." + report.type()), 16, 0, 200);
			w.text(msg(locale, "report.audience." + report.audience()), 11, 0, 200);
			w.gap(6);
			w.text(msg(locale, "report.number", report.number()), BODY, 0, 130);
			w.text(msg(locale, "report.generated", TIME.format(report.generatedAt().atZone(Zones.DISPLAY))), BODY, 0,
					130);
			w.text(msg(locale, "report.issuer", msg(locale, "report.platform")), BODY, 0, 130);
			w.text(msg(locale, "report.subject", report.subjectName()), BODY, 0, 130);
			w.text(msg(locale, "report.code", report.subjectCode()), BODY, 0, 130);
			qr(w.stream, links.verification(report.number()), w.page.getMediaBox());
			w.text(report.checkpointSize() == null ? msg(locale, "report.checkpoint.none")
					: msg(locale, "report.checkpoint", report.checkpointSize(), report.checkpointRoot()), 8, 0, 0);
			w.text(msg(locale, "report.hash", report.contentHash()), 8, 0, 0);
			w.text(msg(locale, "report.verify", links.verification(report.number())), 8, 0, 0);
			w.gap(8);
			w.text(msg(locale, "report.summary"), 13, 0, 0);
			for (Section s : report.sections()) {
				w.text(msg(locale, "report.summary.row", msg(locale, "report.section." + s.group()), s.items().size()),
						BODY, 12, 0);
			}
			for (Section s : report.sections()) {
				w.gap(8);
				w.text(msg(locale, "report.section." + s.group()) + "（" + s.items().size() + "）", 13, 0, 0);
				if (s.items().isEmpty()) {
					w.text(msg(locale, "report.none"), BODY, 12, 0);
				}
				int n = 1;
				for (Item item : s.items()) {
					w.gap(3);
					w.text(n++ + ". " + item.title(), 11, 6, 0);
					w.text(msg(locale, "report.item.source", item.sourceUnit()), BODY, 18, 0);
					if (item.decisionDate() != null) {
						w.text(msg(locale, "report.item.decided", item.decisionDate()), BODY, 18, 0);
					}
					for (Field f : item.fields()) {
						w.text(f.key() + "：" + f.value(), BODY, 18, 0);
					}
					if (!item.changes().isEmpty()) {
						w.text(msg(locale, "report.item.changes"), BODY, 18, 0);
						for (Change c : item.changes()) {
							w.text(msg(locale, "report.change", c.versionNo(),
									msg(locale, "report.change.kind." + c.kind()),
									TIME.format(c.recordedAt().atZone(Zones.DISPLAY)),
									c.reason() == null ? "" : c.reason()), 9, 30, 0);
						}
					}
				}
			}
			w.gap(10);
			w.text(msg(locale, "report.free"), 9, 0, 0);
			w.stream.close();
			decorate(doc, font, report, locale);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Page numbers, report number in the footer, and the watermark on every page. */
	private void decorate(PDDocument doc, PDType0Font font, CreditReport report, Locale locale) throws IOException {
		int total = doc.getNumberOfPages();
		int i = 0;
		for (PDPage page : doc.getPages()) {
			i++;
			try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
					true, true)) {
				String footer = report.number() + "    " + msg(locale, "report.page", i, total);
				cs.beginText();
				cs.setFont(font, 8);
				cs.newLineAtOffset(MARGIN, 25);
				cs.showText(safe(font, footer, new HashMap<>()));
				cs.endText();
				if (!watermark.isBlank()) {
					PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
					gs.setNonStrokingAlphaConstant(0.12f);
					cs.setGraphicsStateParameters(gs);
					cs.setNonStrokingColor(Color.GRAY);
					cs.beginText();
					cs.setFont(font, 48);
					cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(35), 130, 250));
					cs.showText(safe(font, watermark, new HashMap<>()));
					cs.endText();
				}
			}
		}
	}

	private static void qr(PDPageContentStream cs, String url, PDRectangle box) throws IOException {
		BitMatrix m;
		try {
			m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
		}
		catch (WriterException e) {
			throw new IllegalStateException(e);
		}
		float size = 90;
		float cell = size / m.getWidth();
		float x0 = box.getWidth() - MARGIN - size;
		float y0 = box.getHeight() - MARGIN - size;
		cs.setNonStrokingColor(Color.BLACK);
		for (int y = 0; y < m.getHeight(); y++) {
			for (int x = 0; x < m.getWidth(); x++) {
				if (m.get(x, y)) {
					cs.addRect(x0 + x * cell, y0 + (m.getHeight() - 1 - y) * cell, cell, cell);
				}
			}
		}
		cs.fill();
	}

	private String msg(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** Characters the font has no glyph for are replaced by '?'. */
	private static String safe(PDType0Font font, String text, Map<Integer, Float> widths) throws IOException {
		StringBuilder b = new StringBuilder();
		text.codePoints().forEach(cp -> b.append(width(font, cp, widths) < 0 ? "?" : Character.toString(cp)));
		return b.toString();
	}

	private static float width(PDType0Font font, int cp, Map<Integer, Float> widths) {
		return widths.computeIfAbsent(cp, c -> {
			try {
				return font.getStringWidth(Character.toString(c)) / 1000f;
			}
			catch (IOException | IllegalArgumentException e) {
				return -1f;
			}
		});
	}

	/** Writes wrapped lines top-down, starting new pages as needed. */
	private static final class Writer {

		private final PDDocument doc;
		private final PDType0Font font;
		private final Map<Integer, Float> widths = new HashMap<>();
		private PDPage page;
		private PDPageContentStream stream;
		private float y;

		Writer(PDDocument doc, PDType0Font font) throws IOException {
			this.doc = doc;
			this.font = font;
			newPage();
		}

		private void newPage() throws IOException {
			if (stream != null) {
				stream.close();
			}
			page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			stream = new PDPageContentStream(doc, page);
			y = page.getMediaBox().getHeight() - MARGIN;
		}

		void gap(float points) {
			y -= points;
		}

		/** @param reserveRight width kept free on the right (for the QR code on the first page) */
		void text(String text, float size, float indent, float reserveRight) throws IOException {
			float max = page.getMediaBox().getWidth() - 2 * MARGIN - indent - reserveRight;
			for (String line : wrap(text, size, max)) {
				if (y - size * LEADING < MARGIN) {
					newPage();
				}
				y -= size * LEADING;
				stream.beginText();
				stream.setFont(font, size);
				stream.newLineAtOffset(MARGIN + indent, y);
				stream.showText(line);
				stream.endText();
			}
		}

		private List<String> wrap(String text, float size, float max) {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			float w = 0;
			for (int cp : text.codePoints().toArray()) {
				float cw = width(font, cp, widths);
				String ch = Character.toString(cp);
				if (cw < 0) {
					ch = "?";
					cw = width(font, '?', widths);
				}
				cw *= size;
				if (w + cw > max && line.length() > 0) {
					lines.add(line.toString());
					line.setLength(0);
					w = 0;
				}
				line.append(ch);
				w += cw;
			}
			lines.add(line.toString());
			return lines;
		}
	}
}
