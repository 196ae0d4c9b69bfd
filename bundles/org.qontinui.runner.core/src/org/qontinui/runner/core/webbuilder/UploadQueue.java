/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.webbuilder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.secure.PrivateFolder;
import org.qontinui.runner.core.webbuilder.WebBuilderException.Reason;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Run uploads waiting for the web builder, one JSON file per run in a private directory, so that
 * no result is lost to a network outage, a server failure, a restart or a power cut.
 * <ul>
 * <li>{@link #enqueue(RunResult)} writes the complete upload body (screenshots included, so they
 * may be deleted afterwards) to a temporary file, fsyncs it, moves it into place atomically and
 * fsyncs the directory: once it returns, the entry survives a crash. The queue is capped
 * ({@link Limits}): a run that does not fit is refused with a message, nothing queued is dropped.</li>
 * <li>{@link #flush(WebBuilderClient)} sends the oldest first. A sent entry is deleted. Network
 * errors and timeouts keep everything and stop the flush (the rest would fail the same way); 401
 * keeps everything and reports {@link Reason#NOT_SIGNED_IN}.</li>
 * <li>An answer that refuses an entry counts against it: a 4xx that will not change by retrying
 * (400, 413, 422, ...) moves it to {@value #DEAD_FOLDER}/ at once; a 5xx, 408 or 429 stops the flush
 * and, the {@link Limits#maxRefusals() N}th time for the same entry, moves it to
 * {@value #DEAD_FOLDER}/ too. So no single entry blocks the queue for good.</li>
 * <li>Dead entries keep their body beside a {@code .error.txt} with the server's last answer;
 * {@link #retryDead()} (the Web Builder view's "Retry dead uploads") puts them back.</li>
 * </ul>
 * Retries reuse the run id as {@code Idempotency-Key}. One queue per directory and process; the
 * methods are synchronized.
 */
public final class UploadQueue {

	/** Subfolder for uploads the server refused for good or too often. */
	public static final String DEAD_FOLDER = "dead"; //$NON-NLS-1$

	private static final String SUFFIX = ".json"; //$NON-NLS-1$
	private static final String ERROR_SUFFIX = ".error.txt"; //$NON-NLS-1$
	private static final String REFUSALS_SUFFIX = ".refusals"; //$NON-NLS-1$

	/**
	 * Caps of the queue.
	 *
	 * @param maxEntries  entries waiting at most
	 * @param maxBytes    their total size at most
	 * @param maxRefusals refusals (5xx, 408, 429 answers) after which an entry is moved aside
	 */
	public record Limits(int maxEntries, long maxBytes, int maxRefusals) {
		/** 500 runs, 256 MiB, 5 refusals. */
		public static final Limits DEFAULT = new Limits(500, 256L * 1024 * 1024, 5);

		public Limits {
			if (maxEntries < 1 || maxBytes < 1 || maxRefusals < 1) {
				throw new IllegalArgumentException("upload queue limits must be positive"); //$NON-NLS-1$
			}
		}
	}

	/** The queue has no room for another run; the message says how full it is and where. */
	public static final class QueueFullException extends IOException {
		private static final long serialVersionUID = 1L;

		QueueFullException(String message) {
			super(message);
		}
	}

	/** An upload waiting in the queue. {@code configName}, {@code workflow} and {@code status} may be null. */
	public record PendingUpload(String runId, String configName, String workflow, String status, Path file) {
	}

	/** An upload moved aside, with what the server last said and how often it refused it. */
	public record DeadUpload(String runId, Path file, String reason) {
	}

	/**
	 * What a flush did.
	 *
	 * @param sent         uploads the server accepted
	 * @param stillPending uploads left in the queue
	 * @param movedToDead  uploads moved to {@value UploadQueue#DEAD_FOLDER}/ by this flush
	 * @param lastError    the last failure, null when there was none
	 */
	public record FlushResult(int sent, int stillPending, int movedToDead, WebBuilderException lastError) {
		public boolean isComplete() {
			return stillPending == 0 && movedToDead == 0 && lastError == null;
		}
	}

	private final Path directory;
	private final Path deadDirectory;
	private final Limits limits;

	public UploadQueue(Path directory) {
		this(directory, Limits.DEFAULT);
	}

	public UploadQueue(Path directory, Limits limits) {
		this.directory = directory;
		this.deadDirectory = directory.resolve(DEAD_FOLDER);
		this.limits = limits;
	}

	public Path getDirectory() {
		return directory;
	}

	public Limits getLimits() {
		return limits;
	}

	/**
	 * Stores the run for upload, durably; a run already queued under the same id is replaced.
	 *
	 * @throws QueueFullException when the run does not fit within the {@link Limits}
	 */
	public synchronized PendingUpload enqueue(RunResult run) throws IOException {
		PrivateFolder.ensure(directory);
		byte[] body = run.toJson().getBytes(StandardCharsets.UTF_8);
		Path existing = existingFileFor(run.runId());
		int entries = 0;
		long bytes = 0;
		for (Path file : queuedFiles(directory)) {
			if (!file.equals(existing)) {
				entries++;
				bytes += sizeOf(file);
			}
		}
		if (entries + 1 > limits.maxEntries() || bytes + body.length > limits.maxBytes()) {
			throw new QueueFullException(NLS.bind(Messages.UploadQueue_full, new Object[] { entries, mib(bytes), limits.maxEntries(),
					mib(limits.maxBytes()), mib(body.length), directory }));
		}
		Path target = existing;
		if (target == null) {
			// The time prefix keeps uploads in the order they were made.
			target = directory.resolve(String.format(Locale.ROOT, "%015d", System.currentTimeMillis()) + "-" + safeName(run.runId()) + SUFFIX); //$NON-NLS-1$//$NON-NLS-2$
		}
		writeDurably(target, body);
		Files.deleteIfExists(refusalsFileFor(target));
		return new PendingUpload(run.runId(), run.configName(), run.workflow(), run.status().jsonName(), target);
	}

	/** The waiting uploads, oldest first. */
	public synchronized List<PendingUpload> pending() throws IOException {
		List<PendingUpload> uploads = new ArrayList<>();
		for (Path file : queuedFiles(directory)) {
			JsonNode root = readTree(file);
			if (root == null) {
				uploads.add(new PendingUpload(runIdFromName(file), null, null, null, file));
			} else {
				uploads.add(new PendingUpload(runIdOf(root, file), ResponseReader.text(root, "configName"), //$NON-NLS-1$
						ResponseReader.text(root, "workflow"), ResponseReader.text(root, "status"), file)); //$NON-NLS-1$//$NON-NLS-2$
			}
		}
		return uploads;
	}

	/** The uploads moved aside, oldest first. */
	public synchronized List<DeadUpload> dead() throws IOException {
		List<DeadUpload> uploads = new ArrayList<>();
		for (Path file : queuedFiles(deadDirectory)) {
			Path errorFile = errorFileFor(file);
			String reason = Files.isRegularFile(errorFile) ? Files.readString(errorFile, StandardCharsets.UTF_8).trim() : null;
			uploads.add(new DeadUpload(runIdFromName(file), file, reason));
		}
		return uploads;
	}

	/** Puts every dead upload back in the queue with a fresh refusal count, e.g. after the server was fixed. */
	public synchronized int retryDead() throws IOException {
		int count = 0;
		for (Path file : queuedFiles(deadDirectory)) {
			revive(file);
			count++;
		}
		return count;
	}

	/** Puts the dead upload of one run back in the queue; false when there is none. */
	public synchronized boolean retryDead(String runId) throws IOException {
		for (Path file : queuedFiles(deadDirectory)) {
			if (runIdFromName(file).equals(safeName(runId))) {
				revive(file);
				return true;
			}
		}
		return false;
	}

	private void revive(Path deadFile) throws IOException {
		PrivateFolder.ensure(directory);
		Path target = directory.resolve(deadFile.getFileName());
		Files.move(deadFile, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		Files.deleteIfExists(errorFileFor(deadFile));
		Files.deleteIfExists(refusalsFileFor(target));
		syncDirectory(directory);
	}

	/** Sends the waiting uploads, oldest first, until the queue is empty or a failure says to stop. */
	public synchronized FlushResult flush(WebBuilderClient client) throws IOException {
		int sent = 0;
		int movedToDead = 0;
		WebBuilderException lastError = null;
		for (Path file : queuedFiles(directory)) {
			String body;
			try {
				body = Files.readString(file, StandardCharsets.UTF_8);
			} catch (NoSuchFileException e) {
				continue;
			}
			JsonNode root = readTree(file);
			if (root == null || !root.isObject()) {
				// Cannot happen with atomic writes, but a hand-edited file must not block the queue.
				moveToDead(file, Messages.UploadQueue_notAnObject);
				movedToDead++;
				continue;
			}
			try {
				client.upload(runIdOf(root, file), body);
				Files.deleteIfExists(file);
				Files.deleteIfExists(refusalsFileFor(file));
				sent++;
			} catch (WebBuilderException e) {
				lastError = e;
				String answer = NLS.bind(Messages.UploadQueue_answer, new Object[] { e.getStatusCode(), e.getReason(), e.getMessage() });
				if (isPermanentRefusal(e)) {
					moveToDead(file, answer);
					movedToDead++;
					continue;
				}
				if (isTemporaryRefusal(e)) {
					int refusals = countRefusal(file);
					if (refusals >= limits.maxRefusals()) {
						moveToDead(file, NLS.bind(Messages.UploadQueue_refusedTimes, answer, refusals));
						movedToDead++;
						continue; // the next entry may well go through: it is not stuck behind this one
					}
				}
				break;
			}
		}
		return new FlushResult(sent, queuedFiles(directory).size(), movedToDead, lastError);
	}

	/** A 4xx the server will answer again however often we retry: not 401, 408 or 429. */
	private static boolean isPermanentRefusal(WebBuilderException e) {
		int status = e.getStatusCode();
		return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
	}

	/** The server answered but would not take the entry now: 5xx, 408, 429. */
	private static boolean isTemporaryRefusal(WebBuilderException e) {
		int status = e.getStatusCode();
		return status >= 500 || status == 408 || status == 429;
	}

	private int countRefusal(Path file) throws IOException {
		Path counter = refusalsFileFor(file);
		int count = 0;
		if (Files.isRegularFile(counter)) {
			try {
				count = Integer.parseInt(Files.readString(counter, StandardCharsets.US_ASCII).trim());
			} catch (NumberFormatException e) {
				count = 0;
			}
		}
		count++;
		writeDurably(counter, Integer.toString(count).getBytes(StandardCharsets.US_ASCII));
		return count;
	}

	/** Writes the reason first, then moves the entry: a crash in between leaves it queued, not lost. */
	private void moveToDead(Path file, String reason) throws IOException {
		PrivateFolder.ensure(deadDirectory);
		Path target = deadDirectory.resolve(file.getFileName());
		String text = reason + System.lineSeparator() + NLS.bind(Messages.UploadQueue_movedAside, Instant.now()) + System.lineSeparator();
		writeDurably(errorFileFor(target), text.getBytes(StandardCharsets.UTF_8));
		Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		Files.deleteIfExists(refusalsFileFor(file));
		syncDirectory(deadDirectory);
		syncDirectory(directory);
	}

	private Path existingFileFor(String runId) throws IOException {
		String suffix = "-" + safeName(runId) + SUFFIX; //$NON-NLS-1$
		for (Path file : queuedFiles(directory)) {
			if (file.getFileName().toString().endsWith(suffix)) {
				return file;
			}
		}
		return null;
	}

	/** Queue entries in a folder, sorted by name (= by enqueue time); temporary files are skipped. */
	private static List<Path> queuedFiles(Path folder) throws IOException {
		List<Path> files = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX)) { //$NON-NLS-1$
			for (Path file : stream) {
				if (Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")) { //$NON-NLS-1$
					files.add(file);
				}
			}
		}
		files.sort(null);
		return files;
	}

	/** Temporary file, fsync, atomic rename, fsync of the directory: the new content or the old, never half. */
	private static void writeDurably(Path target, byte[] content) throws IOException {
		// Hidden and not ending in .json, so an interrupted write is never taken for an entry.
		Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp"); //$NON-NLS-1$//$NON-NLS-2$
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
		syncDirectory(target.getParent());
	}

	/** Makes a rename in {@code folder} durable; a no-op where directories cannot be opened (Windows). */
	private static void syncDirectory(Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException | UnsupportedOperationException e) {
			// Not every platform can fsync a directory; the file itself was synced.
		}
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		} catch (IOException e) {
			return 0;
		}
	}

	private static String mib(long bytes) {
		return NLS.bind(Messages.UploadQueue_mebibytes, String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0))); //$NON-NLS-1$
	}

	private static JsonNode readTree(Path file) {
		try {
			return WebBuilderClient.MAPPER.readTree(file.toFile());
		} catch (IOException e) {
			return null;
		}
	}

	private static String runIdOf(JsonNode root, Path file) {
		String runId = ResponseReader.text(root, "runId"); //$NON-NLS-1$
		return runId == null ? runIdFromName(file) : runId;
	}

	private static String runIdFromName(Path file) {
		String name = file.getFileName().toString();
		int dash = name.indexOf('-');
		return name.substring(dash + 1, name.length() - SUFFIX.length());
	}

	private static Path errorFileFor(Path entry) {
		String name = entry.getFileName().toString();
		return entry.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ERROR_SUFFIX);
	}

	private static Path refusalsFileFor(Path entry) {
		String name = entry.getFileName().toString();
		return entry.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + REFUSALS_SUFFIX);
	}

	/** Run ids become file names: keep them to characters every file system accepts. */
	private static String safeName(String runId) {
		return runId.replaceAll("[^A-Za-z0-9_-]", "_"); //$NON-NLS-1$//$NON-NLS-2$
	}

	@Override
	public String toString() {
		return "UploadQueue[" + directory + "]"; //$NON-NLS-1$//$NON-NLS-2$
	}
}
