package org.qontinui.runner.core.webbuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.qontinui.runner.core.webbuilder.WebBuilderException.Reason;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Run uploads waiting for the web builder, one JSON file per run in a directory, so that no
 * result is lost to a network outage, a server failure or a restart.
 * <ul>
 * <li>{@link #enqueue(RunResult)} writes the complete upload body (screenshots included, so they
 * may be deleted afterwards) to a temporary file and moves it into place atomically: a crash never
 * leaves half an upload behind.</li>
 * <li>{@link #flush(WebBuilderClient)} sends the oldest first. A sent item is deleted. Network
 * errors, timeouts, 5xx, 408 and 429 keep the item and stop the flush (the rest would fail the
 * same way). 401 keeps everything and reports {@link Reason#NOT_SIGNED_IN}.</li>
 * <li>Any other 4xx means the server will never take this body as it is: the item moves to
 * {@code failed/} beside a {@code .error.txt} with the server's message, where a user (or
 * {@link #requeueRejected()}) can pick it up. Nothing is dropped silently.</li>
 * </ul>
 * Retries reuse the run id as {@code Idempotency-Key}. One queue per directory and process; the
 * methods are synchronized.
 */
public final class UploadQueue {

	/** Subfolder for uploads the server refused. */
	public static final String FAILED_FOLDER = "failed";

	private static final String SUFFIX = ".json";
	private static final String ERROR_SUFFIX = ".error.txt";

	/** An upload waiting in the queue. {@code configName}, {@code workflow} and {@code status} may be null. */
	public record PendingUpload(String runId, String configName, String workflow, String status, Path file) {
	}

	/** An upload the server refused, with what it said. */
	public record RejectedUpload(String runId, Path file, String reason) {
	}

	/**
	 * What a flush did.
	 *
	 * @param sent         uploads the server accepted
	 * @param stillPending uploads left in the queue
	 * @param rejected     uploads moved to {@code failed/} by this flush
	 * @param lastError    the last failure, null when there was none
	 */
	public record FlushResult(int sent, int stillPending, int rejected, WebBuilderException lastError) {
		public boolean isComplete() {
			return stillPending == 0 && rejected == 0 && lastError == null;
		}
	}

	private final Path directory;
	private final Path failedDirectory;

	public UploadQueue(Path directory) {
		this.directory = directory;
		this.failedDirectory = directory.resolve(FAILED_FOLDER);
	}

	public Path getDirectory() {
		return directory;
	}

	/** Stores the run for upload; a run already queued under the same id is replaced. */
	public synchronized PendingUpload enqueue(RunResult run) throws IOException {
		Files.createDirectories(directory);
		String body = run.toJson();
		Path target = existingFileFor(run.runId());
		if (target == null) {
			// The time prefix keeps uploads in the order they were made.
			target = directory.resolve(String.format("%015d", System.currentTimeMillis()) + "-" + safeName(run.runId()) + SUFFIX);
		}
		writeAtomically(target, body);
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
				uploads.add(new PendingUpload(runIdOf(root, file), ResponseReader.text(root, "configName"),
						ResponseReader.text(root, "workflow"), ResponseReader.text(root, "status"), file));
			}
		}
		return uploads;
	}

	/** The uploads the server refused, oldest first. */
	public synchronized List<RejectedUpload> rejected() throws IOException {
		List<RejectedUpload> uploads = new ArrayList<>();
		for (Path file : queuedFiles(failedDirectory)) {
			Path errorFile = errorFileFor(file);
			String reason = Files.isRegularFile(errorFile) ? Files.readString(errorFile, StandardCharsets.UTF_8).trim() : null;
			uploads.add(new RejectedUpload(runIdFromName(file), file, reason));
		}
		return uploads;
	}

	/** Puts refused uploads back in the queue, e.g. after the server was fixed. */
	public synchronized int requeueRejected() throws IOException {
		int count = 0;
		for (Path file : queuedFiles(failedDirectory)) {
			Files.move(file, directory.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
			Files.deleteIfExists(errorFileFor(file));
			count++;
		}
		return count;
	}

	/** Sends the waiting uploads, oldest first, until the queue is empty or a failure says to stop. */
	public synchronized FlushResult flush(WebBuilderClient client) throws IOException {
		int sent = 0;
		int rejected = 0;
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
				reject(file, "not a valid upload: the file is not a JSON object");
				rejected++;
				continue;
			}
			try {
				client.upload(runIdOf(root, file), body);
				Files.deleteIfExists(file);
				sent++;
			} catch (WebBuilderException e) {
				lastError = e;
				if (isRefusal(e)) {
					reject(file, "HTTP " + e.getStatusCode() + " (" + e.getReason() + "): " + e.getMessage());
					rejected++;
					continue;
				}
				break;
			}
		}
		return new FlushResult(sent, queuedFiles(directory).size(), rejected, lastError);
	}

	/** A 4xx the server will answer again however often we retry: not 401, 408 or 429. */
	private static boolean isRefusal(WebBuilderException e) {
		int status = e.getStatusCode();
		return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
	}

	/** Writes the reason first, then moves the item: a crash in between leaves it queued, not lost. */
	private void reject(Path file, String reason) throws IOException {
		Files.createDirectories(failedDirectory);
		Path target = failedDirectory.resolve(file.getFileName());
		String text = reason + System.lineSeparator() + "rejected at " + Instant.now() + System.lineSeparator();
		writeAtomically(errorFileFor(target), text);
		Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private Path existingFileFor(String runId) throws IOException {
		String suffix = "-" + safeName(runId) + SUFFIX;
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
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
			for (Path file : stream) {
				if (Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")) {
					files.add(file);
				}
			}
		}
		files.sort(null);
		return files;
	}

	private static void writeAtomically(Path target, String content) throws IOException {
		// Hidden and not ending in .json, so an interrupted write is never taken for an entry.
		Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
		try {
			Files.writeString(temporary, content, StandardCharsets.UTF_8);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static JsonNode readTree(Path file) {
		try {
			return WebBuilderClient.MAPPER.readTree(file.toFile());
		} catch (IOException e) {
			return null;
		}
	}

	private static String runIdOf(JsonNode root, Path file) {
		String runId = ResponseReader.text(root, "runId");
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

	/** Run ids become file names: keep them to characters every file system accepts. */
	private static String safeName(String runId) {
		return runId.replaceAll("[^A-Za-z0-9_-]", "_");
	}

	@Override
	public String toString() {
		return "UploadQueue[" + directory + "]";
	}
}
