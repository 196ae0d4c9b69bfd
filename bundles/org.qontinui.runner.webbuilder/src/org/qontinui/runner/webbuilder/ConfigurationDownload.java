/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.load.ConfigCache;
import org.qontinui.runner.core.load.ConfigWriter;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.webbuilder.ConfigurationSummary;
import org.qontinui.runner.core.webbuilder.ProjectSummary;
import org.qontinui.runner.core.webbuilder.WebBuilderClient;
import org.qontinui.runner.core.webbuilder.WebBuilderException;

/**
 * Downloads a web builder configuration to {@code downloads/<projectId>/<configId>.json} under the
 * connection's state folder, so the workbench opens it like any file. Folder and file names are
 * the ids, percent-encoded so any id is one safe, reversible name. A {@value #NAMES_FILE} beside
 * the files remembers the display names, so the downloaded copies can be listed offline.
 */
public final class ConfigurationDownload {

	/** Display names of a project folder: {@code project=<name>} and {@code <configId>=<name>}. */
	public static final String NAMES_FILE = "names.properties"; //$NON-NLS-1$
	private static final String PROJECT_NAME_KEY = "project"; //$NON-NLS-1$
	private static final String SUFFIX = ".json"; //$NON-NLS-1$

	/**
	 * A configuration written to disk.
	 *
	 * @param offline true when the server could not be reached and an earlier copy is used
	 * @param warning what the user should know about the copy (offline, not modified), or null
	 */
	public record Result(Path file, boolean offline, String warning) {
	}

	/** A configuration downloaded earlier, as found on disk. */
	public record DownloadedConfiguration(ProjectSummary project, ConfigurationSummary configuration, Path file) {
	}

	private final WebBuilderConnection connection;

	public ConfigurationDownload(WebBuilderConnection connection) {
		this.connection = connection;
	}

	/** Where the configuration is (or would be) written. */
	public Path fileFor(String projectId, String configId) {
		return connection.getDownloadDirectory().resolve(encode(projectId)).resolve(encode(configId) + SUFFIX);
	}

	/**
	 * Downloads and writes the configuration, replacing an earlier copy atomically. When the server
	 * cannot be reached, the client's cached copy is used, or else the file written last time.
	 *
	 * @throws WebBuilderException when neither the server nor an earlier copy can provide it
	 */
	public Result download(ProjectSummary project, ConfigurationSummary configuration, IProgressMonitor monitor)
			throws WebBuilderException, IOException {
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.ConfigurationDownload_downloading, configuration.name()), 3);
		Path target = fileFor(project.id(), configuration.id());
		WebBuilderClient client = connection.createClient();
		LoadedConfig loaded;
		try {
			loaded = client.download(configuration.id());
		} catch (WebBuilderException e) {
			if (e.isRetryable() && Files.isRegularFile(target)) {
				// Unreachable, and the client had no cached copy: the file from last time still opens.
				return new Result(target, true, NLS.bind(Messages.ConfigurationDownload_unreachableOpenedFile, e.getMessage(),
						Files.getLastModifiedTime(target).toInstant()));
			}
			throw e;
		}
		progress.worked(2);
		writeAtomically(target, bodyOf(client, configuration.id(), loaded));
		rememberNames(target.getParent(), project, configuration);
		progress.worked(1);
		boolean offline = loaded.origin() == LoadedConfig.Origin.CACHE_OFFLINE;
		String warning = null;
		if (offline) {
			Optional<ConfigCache.Entry> entry = connection.getConfigCache().lookup(client.getEndpoints().export(configuration.id()));
			warning = NLS.bind(Messages.ConfigurationDownload_unreachableOpenedCopy, entry.map(ConfigCache.Entry::fetchedAt)
					.map(Instant::toString).orElse(Messages.ConfigurationDownload_earlier));
		}
		return new Result(target, offline, warning);
	}

	/** The server's text as cached (byte for byte), or the model written again when there is no cache entry. */
	private byte[] bodyOf(WebBuilderClient client, String configId, LoadedConfig loaded) throws IOException {
		Optional<ConfigCache.Entry> entry = connection.getConfigCache().lookup(client.getEndpoints().export(configId));
		if (entry.isPresent()) {
			return entry.get().readBody();
		}
		if (loaded.config() == null) {
			throw new IOException(NLS.bind(Messages.ConfigurationDownload_unreadable, loaded.errors().stream()
					.map(d -> d.message()).findFirst().orElse(Messages.ConfigurationDownload_unknownProblem)));
		}
		return new ConfigWriter().write(loaded.config()).getBytes(StandardCharsets.UTF_8);
	}

	/** Configurations downloaded earlier, by project; what the view shows when the server is unreachable. */
	public List<DownloadedConfiguration> downloaded() throws IOException {
		Path root = connection.getDownloadDirectory();
		List<DownloadedConfiguration> result = new ArrayList<>();
		if (!Files.isDirectory(root)) {
			return result;
		}
		try (Stream<Path> projects = Files.list(root)) {
			for (Path folder : projects.filter(Files::isDirectory).sorted().toList()) {
				Properties names = readNames(folder);
				String projectId = decode(folder.getFileName().toString());
				ProjectSummary project = new ProjectSummary(projectId, names.getProperty(PROJECT_NAME_KEY, projectId), null);
				try (Stream<Path> files = Files.list(folder)) {
					for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
						String name = file.getFileName().toString();
						String configId = decode(name.substring(0, name.length() - SUFFIX.length()));
						result.add(new DownloadedConfiguration(project, new ConfigurationSummary(configId,
								names.getProperty("config." + configId, configId), projectId, //$NON-NLS-1$
								Files.getLastModifiedTime(file).toInstant(), null), file));
					}
				}
			}
		}
		return result;
	}

	/** The web builder ids of a file under the downloads folder; empty for any other file. */
	public Optional<DownloadedConfiguration> downloadedAt(Path file) {
		Path root = connection.getDownloadDirectory().toAbsolutePath().normalize();
		Path normalized = file.toAbsolutePath().normalize();
		if (!normalized.startsWith(root) || root.relativize(normalized).getNameCount() != 2) {
			return Optional.empty();
		}
		String name = normalized.getFileName().toString();
		if (!name.endsWith(SUFFIX)) {
			return Optional.empty();
		}
		Properties names = readNames(normalized.getParent());
		String projectId = decode(normalized.getParent().getFileName().toString());
		String configId = decode(name.substring(0, name.length() - SUFFIX.length()));
		return Optional.of(new DownloadedConfiguration(
				new ProjectSummary(projectId, names.getProperty(PROJECT_NAME_KEY, projectId), null),
				new ConfigurationSummary(configId, names.getProperty("config." + configId, configId), projectId, null, null), //$NON-NLS-1$
				normalized));
	}

	private static void rememberNames(Path folder, ProjectSummary project, ConfigurationSummary configuration)
			throws IOException {
		Properties names = readNames(folder);
		names.setProperty(PROJECT_NAME_KEY, project.name());
		names.setProperty("config." + configuration.id(), configuration.name()); //$NON-NLS-1$
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream stream = out) {
			names.store(stream, "Display names of the downloaded Web Builder configurations"); //$NON-NLS-1$
		}
		writeAtomically(folder.resolve(NAMES_FILE), out.toByteArray());
	}

	private static Properties readNames(Path folder) {
		Properties names = new Properties();
		Path file = folder.resolve(NAMES_FILE);
		if (Files.isRegularFile(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				names.load(in);
			} catch (IOException | IllegalArgumentException e) {
				// names are cosmetic: ids are shown instead
			}
		}
		return names;
	}

	/** Writes next to the target and moves into place, so the Config Explorer never reads half a file. */
	static void writeAtomically(Path target, byte[] content) throws IOException {
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp"); //$NON-NLS-1$//$NON-NLS-2$
		try {
			Files.write(temporary, content);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** Keeps letters, digits, '-' and '_'; everything else (also '.', so no "..") becomes %XX. */
	static String encode(String id) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				encoded.append(c);
			} else {
				encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff)); //$NON-NLS-1$
			}
		}
		return encoded.toString();
	}

	static String decode(String name) {
		try {
			// encode() never leaves a literal '+', so URLDecoder's '+' rule does not apply.
			return URLDecoder.decode(name, StandardCharsets.UTF_8);
		} catch (IllegalArgumentException e) {
			return name;
		}
	}
}
