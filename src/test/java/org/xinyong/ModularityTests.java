package org.xinyong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep to their boundaries (no cycles, no reaching into another module's internals), and the module
 * documentation in {@code docs/modules} is what the code says.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(XinyongApplication.class);
	static final Path DOCS = Path.of("docs/modules");
	/** {@code -Dxinyong.modules.update-docs=true} rewrites {@code docs/modules} from the code. */
	static final String UPDATE = "xinyong.modules.update-docs";

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	/**
	 * Generates the module documentation into {@code target/modules} and compares it with {@code docs/modules}. The
	 * generator orders some lines differently from run to run, so each file is compared as a multiset of lines (a
	 * leading table-cell bar ignored): a reordering passes (and leaves the committed files alone), a dependency added
	 * or removed in the code fails.
	 */
	@Test
	void moduleDocumentationIsUpToDate() throws IOException {
		Path generated = Path.of("target/modules");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		Map<String, List<String>> fresh = sortedLines(generated);
		if (Boolean.getBoolean(UPDATE)) {
			// only files whose lines changed: a reordering alone is not worth a commit
			Files.createDirectories(DOCS);
			Map<String, List<String>> before = sortedLines(DOCS);
			for (String name : fresh.keySet()) {
				if (!fresh.get(name).equals(before.get(name))) {
					Files.copy(generated.resolve(name), DOCS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		Map<String, List<String>> committed = sortedLines(DOCS);
		List<String> stale = new ArrayList<>();
		for (String name : fresh.keySet()) {
			if (!fresh.get(name).equals(committed.get(name))) {
				stale.add(name);
			}
		}
		for (String name : committed.keySet()) {
			if (!fresh.containsKey(name)) {
				stale.add(name + " (no such module any more: delete it)");
			}
		}
		assertThat(stale)
			.as("docs/modules differs from the code in these files; run the test with -D%s=true and commit the result",
					UPDATE)
			.isEmpty();
	}

	private static Map<String, List<String>> sortedLines(Path folder) throws IOException {
		Map<String, List<String>> out = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return out;
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				// in a canvas (AsciiDoc table) the first item of a cell carries the cell's "|": when the items swap
				// places, so does the bar
				out.put(f.getFileName().toString(),
						Files.readAllLines(f).stream().map(l -> l.startsWith("|") ? l.substring(1) : l).sorted().toList());
			}
		}
		return out;
	}
}
