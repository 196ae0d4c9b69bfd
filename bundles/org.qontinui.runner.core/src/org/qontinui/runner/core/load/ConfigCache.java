/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.load;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

import org.qontinui.runner.core.secure.PrivateFolder;

/**
 * Last downloaded copy of each configuration URL, with its ETag, in a directory: lets a 304 skip
 * the download and lets the runner open a configuration offline. Entries are named by a hash of
 * the URL; no credentials are stored. The directory is private to the user (0700, see
 * {@link PrivateFolder}); a directory owned by another user is never read from or written to, since
 * whoever can write it could plant an "offline copy".
 */
public final class ConfigCache {

	/** One cached download. */
	public record Entry(URI uri, String etag, Instant fetchedAt, Path bodyFile) {
		public byte[] readBody() throws IOException {
			return Files.readAllBytes(bodyFile);
		}
	}

	private final Path directory;

	public ConfigCache(Path directory) {
		this.directory = directory;
	}

	public Path getDirectory() {
		return directory;
	}

	public Optional<Entry> lookup(URI uri) {
		if (!Files.isDirectory(directory)) {
			return Optional.empty();
		}
		try {
			PrivateFolder.check(directory);
		} catch (IOException e) {
			return Optional.empty();
		}
		String key = keyOf(uri);
		Path body = directory.resolve(key + ".json"); //$NON-NLS-1$
		Path metadata = directory.resolve(key + ".properties"); //$NON-NLS-1$
		if (!Files.isRegularFile(body) || !Files.isRegularFile(metadata)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(metadata, StandardCharsets.UTF_8)) {
			properties.load(reader);
		} catch (IOException | IllegalArgumentException e) {
			return Optional.empty();
		}
		if (!uri.toString().equals(properties.getProperty("url"))) { //$NON-NLS-1$
			return Optional.empty();
		}
		Instant fetchedAt;
		try {
			fetchedAt = Instant.parse(properties.getProperty("fetched", "")); //$NON-NLS-1$//$NON-NLS-2$
		} catch (RuntimeException e) {
			fetchedAt = Instant.EPOCH;
		}
		return Optional.of(new Entry(uri, properties.getProperty("etag"), fetchedAt, body)); //$NON-NLS-1$
	}

	/** Stores body then metadata, each atomically, so a reader never sees a body with another URL's ETag. */
	public Entry store(URI uri, String etag, byte[] body) throws IOException {
		PrivateFolder.ensure(directory);
		String key = keyOf(uri);
		Path bodyFile = directory.resolve(key + ".json"); //$NON-NLS-1$
		Path metadataFile = directory.resolve(key + ".properties"); //$NON-NLS-1$
		Files.deleteIfExists(metadataFile);
		writeAtomically(bodyFile, body);
		Properties properties = new Properties();
		properties.setProperty("url", uri.toString()); //$NON-NLS-1$
		if (etag != null) {
			properties.setProperty("etag", etag); //$NON-NLS-1$
		}
		Instant now = Instant.now();
		properties.setProperty("fetched", now.toString()); //$NON-NLS-1$
		var text = new StringWriter();
		properties.store(text, "Qontinui configuration cache entry"); //$NON-NLS-1$
		writeAtomically(metadataFile, text.toString().getBytes(StandardCharsets.UTF_8));
		return new Entry(uri, etag, now, bodyFile);
	}

	private void writeAtomically(Path target, byte[] content) throws IOException {
		Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp"); //$NON-NLS-1$
		try {
			Files.write(temporary, content);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	static String keyOf(URI uri) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
			return HexFormat.of().formatHex(digest, 0, 16);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
