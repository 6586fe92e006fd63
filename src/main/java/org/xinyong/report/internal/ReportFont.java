package org.xinyong.report.internal;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The CJK font embedded (as a subset) in report PDFs: the file named by {@code xinyong.report.font}, otherwise the
 * first TrueType-outline CJK font found on the system. Loaded once, on first use.
 */
@Component
class ReportFont implements DisposableBean {

	static final String SETTING = "xinyong.report.font";

	private static final List<String> CANDIDATES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/arphic/uming.ttc", "/System/Library/Fonts/STHeiti Light.ttc",
			"C:/Windows/Fonts/simsun.ttc");

	private final String configured;
	private final MessageSource messages;
	private TrueTypeFont font;
	private TrueTypeCollection collection;

	ReportFont(@Value("${" + SETTING + ":}") String configured, MessageSource messages) {
		this.configured = configured;
		this.messages = messages;
	}

	synchronized TrueTypeFont font() {
		if (font == null) {
			List<String> tried = new ArrayList<>();
			List<String> paths = configured.isBlank() ? CANDIDATES : List.of(configured);
			for (String path : paths) {
				File f = new File(path);
				tried.add(path);
				if (f.isFile()) {
					try {
						font = load(f);
						break;
					}
					catch (IOException | RuntimeException e) {
						throw new IllegalStateException(message() + " (" + path + ": " + e.getMessage() + ")", e);
					}
				}
			}
			if (font == null) {
				throw new IllegalStateException(message() + " Tried: " + tried);
			}
		}
		return font;
	}

	private TrueTypeFont load(File f) throws IOException {
		if (f.getName().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
			collection = new TrueTypeCollection(f);
			TrueTypeFont[] first = new TrueTypeFont[1];
			collection.processAllFonts(ttf -> {
				if (first[0] == null) {
					first[0] = ttf;
				}
			});
			if (first[0] == null) {
				throw new IOException("empty font collection");
			}
			return first[0];
		}
		return new TTFParser().parse(new RandomAccessReadBufferedFile(f));
	}

	private String message() {
		return messages.getMessage("report.font.missing", null, Locale.ROOT);
	}

	@Override
	public synchronized void destroy() throws IOException {
		if (collection != null) {
			collection.close();
		}
		else if (font != null) {
			font.close();
		}
	}
}
