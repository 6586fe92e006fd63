package org.xinyong.ingest.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings kept in a temporary file instead of the heap: a 1,000,000-row sheet can share
 * millions of distinct strings, more than a 1 GiB heap holds as Java strings. Only one offset per string stays in
 * memory. Phonetic runs ({@code rPh}) are skipped; rich-text runs are concatenated.
 */
final class DiskSharedStrings implements SharedStrings, AutoCloseable {

	private final Path file;
	private final FileChannel channel;
	private long[] offsets = new long[1024];
	private int count;
	private long end;

	private DiskSharedStrings(Path file) throws IOException {
		this.file = file;
		this.channel = FileChannel.open(file, StandardOpenOption.READ);
	}

	static DiskSharedStrings read(InputStream sharedStringsXml) throws IOException {
		Path file = Files.createTempFile("xinyong-sst", ".bin");
		Collector collector = new Collector(file);
		try {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(collector);
			parser.parse(new InputSource(sharedStringsXml));
		}
		catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
			collector.close();
			Files.deleteIfExists(file);
			throw new IOException("Unreadable shared strings: " + e.getMessage(), e);
		}
		collector.close();
		DiskSharedStrings strings = new DiskSharedStrings(file);
		strings.offsets = Arrays.copyOf(collector.offsets, collector.count + 1);
		strings.count = collector.count;
		strings.offsets[collector.count] = collector.position;
		strings.end = collector.position;
		return strings;
	}

	/** A workbook without shared strings. */
	static DiskSharedStrings empty() throws IOException {
		DiskSharedStrings strings = new DiskSharedStrings(Files.createTempFile("xinyong-sst", ".bin"));
		strings.offsets = new long[] { 0 };
		return strings;
	}

	String text(int index) {
		if (index < 0 || index >= count) {
			return "";
		}
		long start = offsets[index];
		int length = (int) (offsets[index + 1] - start);
		ByteBuffer buffer = ByteBuffer.allocate(length);
		try {
			while (buffer.hasRemaining()) {
				if (channel.read(buffer, start + buffer.position()) < 0) {
					break;
				}
			}
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
	}

	@Override
	public RichTextString getItemAt(int idx) {
		return new XSSFRichTextString(text(idx));
	}

	@Override
	public int getCount() {
		return count;
	}

	@Override
	public int getUniqueCount() {
		return count;
	}

	long bytes() {
		return end;
	}

	@Override
	public void close() throws IOException {
		channel.close();
		Files.deleteIfExists(file);
	}

	/** Streams {@code <si>} entries into the file. */
	private static final class Collector extends DefaultHandler {

		private final OutputStream out;
		long[] offsets = new long[1024];
		int count;
		long position;
		private final StringBuilder text = new StringBuilder();
		private boolean inItem;
		private boolean inText;
		private int phonetic;

		Collector(Path file) throws IOException {
			this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			String name = local(qName, localName);
			switch (name) {
				case "si" -> {
					inItem = true;
					text.setLength(0);
				}
				case "rPh" -> phonetic++;
				case "t" -> inText = inItem && phonetic == 0;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			String name = local(qName, localName);
			switch (name) {
				case "si" -> {
					inItem = false;
					if (count == offsets.length) {
						offsets = Arrays.copyOf(offsets, offsets.length * 2);
					}
					offsets[count++] = position;
					byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
					try {
						out.write(bytes);
					}
					catch (IOException e) {
						throw new SAXException(e);
					}
					position += bytes.length;
				}
				case "rPh" -> phonetic--;
				case "t" -> inText = false;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inText) {
				text.append(ch, start, length);
			}
		}

		void close() throws IOException {
			out.close();
		}

		private static String local(String qName, String localName) {
			String n = localName == null || localName.isEmpty() ? qName : localName;
			int colon = n.indexOf(':');
			return colon < 0 ? n : n.substring(colon + 1);
		}
	}
}
