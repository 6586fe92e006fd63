package org.xinyong.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL 15 server run from the zonky binaries on Maven Central, with its data in a directory of our
 * choosing that survives restarts.
 * <p>
 * PostgreSQL refuses to run as root. When this JVM is root, every PostgreSQL command runs inside a fresh user
 * namespace ({@code unshare -U}), where the process is the unprivileged overflow user while keeping access to
 * its files. If that is impossible, {@link EmbeddedDatabaseUnavailableException} says so and names the
 * settings that select a PostgreSQL server instead.
 * <p>
 * The server listens on 127.0.0.1 only and requires a password (SCRAM) that is generated on first start
 * and kept beside the data directory, readable by its owner only.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	public static final String SUPERUSER = "postgres";

	private final Path dataDir;
	private final Path binDir;
	private final List<String> prefix;
	private final int port;
	private final String password;
	private final java.util.Map<String, String> settings;
	private final AtomicBoolean stopped = new AtomicBoolean();

	private EmbeddedPostgresServer(Path dataDir, Path binDir, List<String> prefix, int port, String password,
			java.util.Map<String, String> settings) {
		this.dataDir = dataDir;
		this.binDir = binDir;
		this.prefix = prefix;
		this.port = port;
		this.password = password;
		this.settings = settings;
	}

	/** A setting's name: letters, digits, underscores and dots (custom options such as {@code pg_stat_statements.track}). */
	private static final java.util.regex.Pattern SETTING_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
	/** A setting's value: no spaces, quotes or shell characters (the options pass through {@code pg_ctl -o}). */
	private static final java.util.regex.Pattern SETTING_VALUE = java.util.regex.Pattern.compile("[A-Za-z0-9_.,:/+=-]+");

	public static EmbeddedPostgresServer start(Path dataDir, Path binariesDir, int port) {
		return start(dataDir, binariesDir, port, java.util.Map.of());
	}

	/**
	 * Starts (initialising on first use) the server whose data lives in {@code dataDir}.
	 *
	 * @param dataDir     PostgreSQL's data directory (created if missing)
	 * @param binariesDir where the binaries are unpacked (shared by all servers on the machine, unpacked once)
	 * @param port        TCP port on 127.0.0.1, or 0 for a free one
	 * @param settings    extra server settings, each passed as {@code -c name=value}
	 * @throws IllegalArgumentException for a setting whose name or value is not plain
	 */
	public static EmbeddedPostgresServer start(Path dataDir, Path binariesDir, int port,
			java.util.Map<String, String> settings) {
		settings.forEach((name, value) -> {
			if (!SETTING_NAME.matcher(name).matches() || value == null || !SETTING_VALUE.matcher(value).matches()) {
				throw new IllegalArgumentException("xinyong.embedded.settings: '" + name + "=" + value
						+ "' is not a plain PostgreSQL setting (name: letters, digits, _ and .; value: letters, digits and"
						+ " _ . , : / + = -)");
			}
		});
		try {
			Path bin = unpackBinaries(binariesDir);
			List<String> prefix = commandPrefix();
			Path absoluteData = dataDir.toAbsolutePath().normalize();
			Files.createDirectories(absoluteData.getParent());
			String password = passwordFor(absoluteData);
			int chosenPort = port == 0 ? freePort() : port;
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(absoluteData, bin, prefix, chosenPort, password,
					new java.util.TreeMap<>(settings));
			server.initIfNeeded();
			server.startPostmaster();
			return server;
		}
		catch (IOException e) {
			throw new EmbeddedDatabaseUnavailableException("I/O failure while preparing PostgreSQL: " + e.getMessage(), e);
		}
	}

	public int port() {
		return port;
	}

	public String username() {
		return SUPERUSER;
	}

	public String password() {
		return password;
	}

	public Path dataDirectory() {
		return dataDir;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** Opens a connection as the superuser to {@code database}. */
	public Connection connect(String database) throws SQLException {
		Properties props = new Properties();
		props.setProperty("user", SUPERUSER);
		props.setProperty("password", password);
		return DriverManager.getConnection(jdbcUrl(database), props);
	}

	/** Creates {@code database} unless it exists. */
	public void createDatabaseIfMissing(String database) {
		if (!database.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Unsafe database name: " + database);
		}
		try (Connection c = connect("postgres");
				var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			try (var rs = exists.executeQuery()) {
				if (!rs.next()) {
					try (var create = c.createStatement()) {
						create.execute("create database " + database + " encoding 'UTF8' template template0");
					}
					log.info("Created database {} in the embedded PostgreSQL", database);
				}
			}
		}
		catch (SQLException e) {
			throw new EmbeddedDatabaseUnavailableException("Could not create database " + database + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Stops the server. The owner calls it — Spring (the bean's destroy method, also on JVM shutdown) or the test
	 * harness after its contexts are closed. There is deliberately no JVM shutdown hook of its own: it would stop
	 * PostgreSQL while Spring is still closing the connection pool and the event registry.
	 */
	@Override
	public void close() {
		stopQuietly();
	}

	private void stopQuietly() {
		if (stopped.getAndSet(true)) {
			return;
		}
		try {
			run(List.of(pg("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-t", "30", "-w", "stop"), 60);
			log.info("Embedded PostgreSQL on port {} stopped", port);
		}
		catch (RuntimeException e) {
			log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
		}
	}

	private void initIfNeeded() throws IOException {
		if (Files.exists(dataDir.resolve("PG_VERSION"))) {
			return;
		}
		Files.createDirectories(dataDir);
		Path pwfile = Files.createTempFile("xinyong-pw", ".txt");
		try {
			Files.writeString(pwfile, password + "\n");
			log.info("Initialising embedded PostgreSQL data directory {}", dataDir);
			run(List.of(pg("initdb"), "-D", dataDir.toString(), "-U", SUPERUSER, "-E", "UTF8", "--no-locale",
					"--auth=scram-sha-256", "--pwfile=" + pwfile), 300);
		}
		finally {
			Files.deleteIfExists(pwfile);
		}
	}

	private void startPostmaster() {
		Path logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
		String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c timezone=UTC"
				+ " -c max_connections=200 -c shared_buffers=128MB";
		for (var setting : settings.entrySet()) {
			options += " -c " + setting.getKey() + "=" + setting.getValue();
		}
		try {
			run(List.of(pg("pg_ctl"), "-D", dataDir.toString(), "-o", options, "-l", logFile.toString(), "-w", "-t",
					"120", "start"), 180);
		}
		catch (EmbeddedDatabaseUnavailableException e) {
			throw new EmbeddedDatabaseUnavailableException(e.getMessage().replace(EmbeddedDatabaseUnavailableException.HOW_TO_USE_A_SERVER, "") + "\nPostgreSQL's own log: " + logFile
					+ tail(logFile) + "\nIf another Xinyong process uses " + dataDir
					+ ", stop it or choose another directory with xinyong.embedded.data-dir.", e);
		}
		log.info("Embedded PostgreSQL 15 started on 127.0.0.1:{} with data in {}{}", port, dataDir,
				settings.isEmpty() ? "" : " and settings " + settings);
	}

	private String pg(String binary) {
		return binDir.resolve(binary).toString();
	}

	private void run(List<String> command, int timeoutSeconds) {
		List<String> full = new ArrayList<>(prefix);
		full.addAll(command);
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output;
			try (InputStream in = process.getInputStream()) {
				output = in.readAllBytes();
			}
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new EmbeddedDatabaseUnavailableException("Timed out running " + full);
			}
			if (process.exitValue() != 0) {
				throw new EmbeddedDatabaseUnavailableException("PostgreSQL command failed (exit " + process.exitValue()
						+ "): " + String.join(" ", full) + "\n" + new String(output, StandardCharsets.UTF_8).strip());
			}
		}
		catch (IOException e) {
			throw new EmbeddedDatabaseUnavailableException("Could not run " + full + ": " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new EmbeddedDatabaseUnavailableException("Interrupted while running " + full, e);
		}
	}

	/** As root, PostgreSQL must run in a user namespace; check that one can be made, and say what to do if not. */
	private static List<String> commandPrefix() {
		if (!isRoot()) {
			return List.of();
		}
		String failure;
		try {
			Process probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
			String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
				return List.of("unshare", "-U");
			}
			failure = "`unshare -U true` failed: " + out;
		}
		catch (IOException e) {
			failure = "`unshare` could not be run: " + e.getMessage();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			failure = "interrupted";
		}
		throw new EmbeddedDatabaseUnavailableException(
				"The embedded PostgreSQL cannot start: this process runs as root, PostgreSQL refuses to run as root, and "
						+ "no user namespace could be created to run it unprivileged (" + failure + ").");
	}

	private static boolean isRoot() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("Uid:")) {
					return line.split("\\s+")[2].equals("0");
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// not Linux, or /proc unavailable
		}
		return "root".equals(System.getProperty("user.name"));
	}

	private static String passwordFor(Path dataDir) throws IOException {
		Path secret = dataDir.resolveSibling(dataDir.getFileName() + ".secret");
		if (Files.exists(secret)) {
			return Files.readString(secret).strip();
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String password = HexFormat.of().formatHex(random);
		Files.writeString(secret, password, StandardOpenOption.CREATE_NEW);
		try {
			Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// best effort outside POSIX file systems
		}
		return password;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path file) {
		try {
			List<String> lines = Files.readAllLines(file);
			return "\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
		}
		catch (IOException | RuntimeException e) {
			return "";
		}
	}

	/** Unpacks zonky's archive for this machine once per archive content into {@code root}; returns its bin dir. */
	static Path unpackBinaries(Path root) throws IOException {
		String arch = switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "arm_64";
			default -> System.getProperty("os.arch");
		};
		byte[] archive;
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch)) {
			if (in == null) {
				throw new EmbeddedDatabaseUnavailableException("No embedded PostgreSQL binaries for Linux " + arch
						+ " are on the class path (this build ships Linux x86_64 and ARM64).");
			}
			archive = in.readAllBytes();
		}
		String digest = sha256(archive);
		Path target = root.toAbsolutePath().resolve("pg15-" + digest.substring(0, 16));
		Path done = target.resolve(".complete");
		if (Files.exists(done)) {
			return target.resolve("bin");
		}
		Files.createDirectories(root);
		try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
			if (!Files.exists(done)) {
				Path staging = Files.createTempDirectory(root, "unpack");
				extract(archive, staging);
				if (Files.exists(target)) {
					deleteRecursively(target);
				}
				Files.move(staging, target);
				Files.createFile(done);
				log.info("Unpacked PostgreSQL binaries into {}", target);
			}
		}
		return target.resolve("bin");
	}

	private static void extract(byte[] archive, Path into) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = into.resolve(entry.getName()).normalize();
				if (!path.startsWith(into)) {
					throw new IOException("Archive entry outside target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.createLink(path, into.resolve(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path);
					if ((entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")
							|| entry.getName().startsWith("./bin/")) {
						path.toFile().setExecutable(true, false);
					}
				}
			}
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		try (var walk = Files.walk(path)) {
			for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	private static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
