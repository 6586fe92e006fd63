package org.xinyong.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinyong.platform.DomainException;

/**
 * Differential test of {@link CsvTabularReader} against commons-csv configured as the reader used it before
 * ({@code RFC4180}, detected delimiter, empty lines ignored): same headers, cells, record numbers and failures.
 */
class CsvTabularReaderTest {

	private static final String[] EDGE_CASES = {
			// plain, line ends
			"a,b,c\n1,2,3\n", "a,b,c\r\n1,2,3\r\n", "a,b,c\r1,2,3\r", "a,b\n1,2", "a,b\r\n1,2\r", "a,b\r\n\r\n",
			"a\n\n\n", "a\r\rb\r\r", "a\n\r\nb", "\r\n\r\na,b\n1,2", "\n\na\n\nb\n\n\nc\n\n",
			// empty input and no record
			"", "\n", "\r\n\r\n", "\r",
			// empty fields, whitespace-only and delimiter-only lines
			"a,b\n,\n", "a,b\n,,\n", "a,b\n1,\n", "a,b\n1,", ",", ",\n", "a\n \n", "a\n\t\n", "a\n   \nb",
			"a,b\n , \n", " a , b \n 1 , 2 ",
			// quotes
			"\"a\",\"b\"\n\"1\",\"2\"\n", "\"a\"\"b\",c\n\"\"\"\",\"\"\n", "h\n\"x\ny\"\n", "h\n\"x\r\ny\"\n",
			"h\n\"x\ry\"\n", "h\n\"a,b\"\n", "h\n\"\"\n", "h\n\"\"\"\"\"\"\n", "h\na\"b\"c\n", "h\na\"\n",
			"h\n\"a\"  \n", "h\n\"a\"\t,b\n", "h\n\"a\" ,\"b\" \n", "h\n\"a\"x\n", "h\n\"a\" x\n", "h\n\"abc\n",
			"h\n\"", "h\n\"a\"\"", "h\n\"a\"", "h\n\"a\"\n\n", "\"h\"x\nb", "\"h\nb", "h\n\"a\"\u3000\n",
			"h\n\"a\"\u00a0\n", "h\n\"a\"\u001f\n", "h\n\"a\"\u2028,b\n", "h\n \"a\"\n", "h\n\"a\"\"\"\"\n",
			// other delimiters
			"a;b;c\n1;2;3\n", "a\tb\tc\n1\t2\t3\n", "a;b\tc\n1;2\t3", "a\tb\n\"1\"\t\"2\"\t\n", "a;b\n\"x\";\"y\" ;\n",
			"a;b\n1,2;3\n", "\"a,b\";c\n1;2", "a;b\n\"1\"\t;2\n",
			// Chinese text
			"统一社会信用代码,名称\n91110000600037341L,北京某某有限公司\n", "名称\n\"中,文\"\n\"引\"\"号\"\n",
			"\ufeffa,b\n1,2\n" };

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })
	void handWrittenEdgeCasesReadAsCommonsCsvReadsThem(int group) throws Exception {
		for (int i = group; i < EDGE_CASES.length; i += 10) {
			assertSame(EDGE_CASES[i].getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}
	}

	@Test
	void documentsTheRulesOnAFewInputs() throws Exception {
		assertThat(outcome("a,b\r\n\r\n \n,\n\"x\"\"y\"  ,a\"b\rlast".getBytes(StandardCharsets.UTF_8),
				StandardCharsets.UTF_8, false))
			.isEqualTo("headers [a, b]\n2 [ ]\n3 [, ]\n4 [x\"y, a\"b]\n5 [last]\n");
		assertThat(outcome("a\n\"x\"y\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false))
			.isEqualTo("headers [a]\nerror FILE_CORRUPT");
		assertThat(outcome("a\n\"x\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false))
			.isEqualTo("headers [a]\nerror FILE_CORRUPT");
		assertThat(outcome("\n\r\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false))
			.isEqualTo("error FILE_HEADER_MISSING");
	}

	@Test
	void longFieldsSpanningBufferRefills() throws Exception {
		String big = "x".repeat(200_000);
		String bigQuoted = ("ab\"\"c,\r\n中" + "y".repeat(1000)).repeat(150);
		assertSame(("h1,h2\n" + big + ",z\n" + big + "\n1,2\n").getBytes(StandardCharsets.UTF_8),
				StandardCharsets.UTF_8);
		assertSame(("h1,h2\n\"" + bigQuoted + "\",z\r\n\"" + bigQuoted + "\"\r\n1,2").getBytes(StandardCharsets.UTF_8),
				StandardCharsets.UTF_8);
		assertSame(("h1,h2\n\"" + bigQuoted).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		// a header longer than the delimiter detection's mark fails the same way as before
		assertSame(("h" + big + "\n1\n").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		// special characters right at and around buffer boundaries
		String[] tails = { "\r\n\r\nx,y\r\n", "\"a\"\"b\"\r\nc", "\"x\"  ,y\n", "\"x\"\r\n", "\"\"\"\"\r\r\n",
				",\"a\nb\"\n", "\"x\"z\n" };
		for (int prefix = 65_525; prefix <= 65_545; prefix++) {
			for (String tail : tails) {
				assertSame(("h,i\n" + "p".repeat(prefix - 4) + tail).getBytes(StandardCharsets.UTF_8),
						StandardCharsets.UTF_8);
				assertSame(("h,i\n\"" + "q".repeat(prefix - 5) + "\"" + tail).getBytes(StandardCharsets.UTF_8),
						StandardCharsets.UTF_8);
			}
		}
	}

	@Test
	void gbkDecodedInput() throws Exception {
		Charset gbk = TabularReaders.GBK;
		assertSame("统一社会信用代码;名称\n91110000600037341L;\"北京某某\"\"有限\"\"公司\"\r\n中;文\n".getBytes(gbk), gbk);
		StringBuilder many = new StringBuilder("代码,名称,金额\r\n");
		for (int i = 0; i < 20_000; i++) {
			many.append(i).append(",\"公司").append(i).append("\",").append(i * 3).append("\r\n");
		}
		assertSame(many.toString().getBytes(gbk), gbk);
	}

	@Test
	void malformedBytesFailTheSameWay() throws Exception {
		// (when a decoding error surfaces depends on how the decoder is fed, so no trickled comparison here)
		byte[] bad = { 'a', ',', 'b', '\n', '1', ',', (byte) 0xC3, '\n' };
		assertThat(outcome(bad, StandardCharsets.UTF_8, false)).isEqualTo(reference(bad, StandardCharsets.UTF_8))
			.isEqualTo("exception MalformedInputException");
		// far enough that the delimiter detection does not see it: FILE_CORRUPT while reading rows
		byte[] prefix = ("a,b\n" + "1,2\n".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
		byte[] late = new byte[prefix.length + 3];
		System.arraycopy(prefix, 0, late, 0, prefix.length);
		late[prefix.length] = (byte) 0xFF;
		late[prefix.length + 1] = ',';
		late[prefix.length + 2] = '\n';
		assertThat(outcome(late, StandardCharsets.UTF_8, false)).endsWith("FILE_CORRUPT");
		assertThat(reference(late, StandardCharsets.UTF_8)).endsWith("FILE_CORRUPT");
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 42, 2026 })
	void randomInputsReadAsCommonsCsvReadsThem(long seed) throws Exception {
		Random random = new Random(seed);
		String[] alphabets = { "a,\"\r\n 中", "a;\"\r\n 中", "a\t\"\r\n 中", "a,;\t\"\r\n ", "a,\"\n" };
		for (int n = 0; n < 1_500; n++) {
			String alphabet = alphabets[n % alphabets.length];
			int length = random.nextInt(n % 7 == 0 ? 200 : 30);
			StringBuilder text = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertSame(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}
	}

	/** Compares the new reader (whole stream, and trickled a few bytes at a time) with commons-csv. */
	private static void assertSame(byte[] input, Charset charset) throws IOException {
		String expected = reference(input, charset);
		String printable = new String(input, charset);
		printable = printable.length() > 200 ? printable.substring(0, 200) + "…" : printable;
		assertThat(outcome(input, charset, false)).as("input %s", printable.replace("\r", "\\r").replace("\n", "\\n"))
			.isEqualTo(expected);
		assertThat(outcome(input, charset, true)).as("trickled input %s", printable).isEqualTo(expected);
	}

	private static String outcome(byte[] input, Charset charset, boolean trickle) throws IOException {
		StringBuilder out = new StringBuilder();
		InputStream in = new ByteArrayInputStream(input);
		if (trickle) {
			in = new Trickle(in);
		}
		try (CsvTabularReader reader = new CsvTabularReader(in, input.length, charset, 0)) {
			out.append("headers ").append(reader.headers()).append('\n');
			TabularReader.Row row;
			while ((row = reader.next()) != null) {
				assertThat(row.cells()).doesNotContainNull();
				out.append(row.rowNumber()).append(' ').append(row.cells()).append('\n');
			}
			assertThat(reader.next()).isNull();
			assertThat(reader.bytesRead()).isEqualTo(input.length);
		}
		catch (DomainException e) {
			out.append("error ").append(e.code());
		}
		catch (IOException e) {
			out.append("exception ").append(e.getClass().getSimpleName());
		}
		return out.toString();
	}

	/** The former implementation of the reader, on commons-csv. */
	private static String reference(byte[] input, Charset charset) throws IOException {
		StringBuilder out = new StringBuilder();
		var decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			var reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(input), decoder), 1 << 16);
			reader.mark(1 << 15);
			String first = reader.readLine();
			reader.reset();
			char delimiter = ',';
			if (first != null && first.indexOf(',') < 0) {
				delimiter = first.indexOf('\t') >= 0 ? '\t' : first.indexOf(';') >= 0 ? ';' : ',';
			}
			try (CSVParser parser = CSVFormat.RFC4180.builder()
				.setDelimiter(delimiter)
				.setIgnoreEmptyLines(true)
				.get()
				.parse(reader)) {
				Iterator<CSVRecord> records = parser.iterator();
				try {
					if (!records.hasNext()) {
						return out.append("error FILE_HEADER_MISSING").toString();
					}
					List<String> h = new ArrayList<>();
					for (String cell : records.next()) {
						h.add(RowValidator.clean(cell) == null ? "" : RowValidator.clean(cell));
					}
					out.append("headers ").append(h).append('\n');
				}
				catch (UncheckedIOException e) {
					return out.append("error FILE_ENCODING_INVALID").toString();
				}
				try {
					while (records.hasNext()) {
						CSVRecord record = records.next();
						out.append(record.getRecordNumber()).append(' ').append(record.toList()).append('\n');
					}
				}
				catch (UncheckedIOException | IllegalStateException e) {
					out.append("error FILE_CORRUPT");
				}
			}
		}
		catch (IOException e) {
			out.append("exception ").append(e.getClass().getSimpleName());
		}
		return out.toString();
	}

	/** Hands out at most a few bytes per read and claims nothing is available, so the decoder returns short reads. */
	private static final class Trickle extends FilterInputStream {

		private int next = 1;

		Trickle(InputStream in) {
			super(in);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			next = next % 7 + 1;
			return super.read(b, off, Math.min(len, next));
		}

		@Override
		public int available() {
			return 0;
		}
	}
}
