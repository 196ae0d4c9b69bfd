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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.qontinui.runner.core.config.Metadata;
import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.load.ConfigReader;
import org.qontinui.runner.core.secure.SecretMask;
import org.qontinui.runner.core.webbuilder.RunResult;
import org.qontinui.runner.core.webbuilder.UploadQueue;
import org.qontinui.runner.core.webbuilder.WebBuilderException;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;
import org.qontinui.runner.ui.RunTracker;
import org.qontinui.runner.webbuilder.internal.WebBuilderPlugin;

/**
 * Uploads finished runs to the web builder when the preference
 * {@value WebBuilderConnection#UPLOAD_RESULTS} is on. Each run that reaches a final status is
 * converted to a {@link RunResult}, put on the connection's {@link UploadQueue} (on disk, so
 * nothing is lost) and the queue is flushed in a {@link Job}. Entries a flush could not send stay
 * queued and go with the next flush: after the next run, when the first Qontinui launch of a session
 * starts ({@link #start()}, called by UploadStarter), and after signing in again.
 * <p>
 * A 401 keeps the entries and asks for a sign-in without a modal dialog: a status line message,
 * and the Web Builder view shows a "Sign in..." link (through {@link Listener}).
 */
public final class RunUploader implements RunTracker.Listener {

	/** Family of the upload jobs, to wait for or cancel them. */
	public static final Object FAMILY = RunUploader.class;

	/** Told after each flush; called in the upload job. */
	public interface Listener {
		/** @param problem the last failure, null when the queue was flushed completely */
		void uploadsChanged(int pending, WebBuilderException problem);
	}

	/** "Action <id> <type> ok|failed[: message] (<n> ms[, <k> attempts])", as written by RunRecord. */
	private static final Pattern ACTION_COMPLETED = Pattern
			.compile("(\\S*) (ok|failed)(?:: (.*))? \\((\\d+) ms(?:, \\d+ attempts)?\\)", Pattern.DOTALL); //$NON-NLS-1$

	private static RunUploader instance;

	private final Set<RunRecord> enqueued = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private volatile WebBuilderException lastProblem;
	private boolean started;

	private RunUploader() {
	}

	public static synchronized RunUploader getDefault() {
		if (instance == null) {
			instance = new RunUploader();
		}
		return instance;
	}

	/** Follows runs from now on and sends what earlier sessions left queued. */
	public synchronized void start() {
		if (!started) {
			started = true;
			RunTracker.getDefault().addListener(this);
			// Signing in again is the moment a 401-blocked queue can go.
			WebBuilderConnection.addListener(connection -> {
				if (WebBuilderConnection.isUploadEnabled() && connection.hasToken()) {
					flush();
				}
			});
		}
		if (WebBuilderConnection.isUploadEnabled()) {
			flush();
		}
	}

	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	/** The failure of the last flush, null when it sent everything. */
	public WebBuilderException getLastProblem() {
		return lastProblem;
	}

	@Override
	public void runChanged(RunRecord record, RunEvent event) {
		if (record == null || !record.status().isFinal() || !WebBuilderConnection.isUploadEnabled()) {
			return;
		}
		// The tracker reports a finished run several times (run completed, executor exited).
		if (enqueued.add(record)) {
			upload(record);
		}
	}

	/** Queues the run's result and flushes the queue, in a job. */
	public Job upload(RunRecord record) {
		WebBuilderConnection connection = WebBuilderConnection.getDefault();
		Job job = new Job(Messages.RunUploader_uploading) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				SubMonitor progress = SubMonitor.convert(monitor, 2);
				try {
					connection.getUploadQueue().enqueue(toRunResult(record, connection));
				} catch (IOException | RuntimeException e) {
					return Status.error(NLS.bind(Messages.RunUploader_cannotQueue, SecretMask.mask(e.getMessage())));
				}
				progress.worked(1);
				return sendQueued(connection, progress.split(1));
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		schedule(job);
		return job;
	}

	/** Sends the queued uploads in a job. */
	public Job flush() {
		WebBuilderConnection connection = WebBuilderConnection.getDefault();
		return uploadJob(Messages.RunUploader_uploadingQueued, monitor -> sendQueued(connection, monitor));
	}

	/**
	 * Puts the uploads Web Builder refused too often (the queue's dead folder) back in the queue and
	 * sends them, in a job; the "Retry Dead Uploads" command.
	 */
	public Job retryDead() {
		WebBuilderConnection connection = WebBuilderConnection.getDefault();
		return uploadJob(Messages.RunUploader_retrying, monitor -> {
			try {
				connection.getUploadQueue().retryDead();
			} catch (IOException e) {
				return Status.error(NLS.bind(Messages.RunUploader_cannotRetry, SecretMask.mask(e.getMessage())));
			}
			return sendQueued(connection, monitor);
		});
	}

	/** A job of the upload family (so tests and shutdown can wait for every upload), scheduled. */
	private Job uploadJob(String name, Function<IProgressMonitor, IStatus> work) {
		Job job = new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				return work.apply(monitor);
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		schedule(job);
		return job;
	}

	private static void schedule(Job job) {
		job.setSystem(true);
		// One upload at a time keeps the queue's order and avoids sending an entry twice.
		job.setRule(UPLOAD_RULE);
		job.schedule();
	}

	private static final ISchedulingRule UPLOAD_RULE = new ISchedulingRule() {
		@Override
		public boolean contains(ISchedulingRule rule) {
			return rule == this;
		}

		@Override
		public boolean isConflicting(ISchedulingRule rule) {
			return rule == this;
		}
	};

	private IStatus sendQueued(WebBuilderConnection connection, IProgressMonitor monitor) {
		SubMonitor.convert(monitor, Messages.RunUploader_uploadingResults, IProgressMonitor.UNKNOWN);
		UploadQueue queue = connection.getUploadQueue();
		UploadQueue.FlushResult result;
		try {
			if (queue.pending().isEmpty()) {
				lastProblem = null;
				return Status.OK_STATUS;
			}
			if (!connection.isConfigured()) {
				return Status.OK_STATUS; // kept until a URL is set
			}
			result = queue.flush(connection.createClient());
		} catch (IOException | IllegalArgumentException e) {
			WebBuilderPlugin.log("Cannot upload run results to Web Builder", e); //$NON-NLS-1$
			return Status.OK_STATUS;
		}
		lastProblem = result.lastError();
		if (result.movedToDead() > 0) {
			WebBuilderPlugin.logWarning(result.movedToDead() + " run result(s) were refused by Web Builder and moved to " //$NON-NLS-1$
					+ queue.getDirectory().resolve(UploadQueue.DEAD_FOLDER) + "; Retry them from the Web Builder view"); //$NON-NLS-1$
		}
		if (result.lastError() != null && result.lastError().getReason() == WebBuilderException.Reason.NOT_SIGNED_IN) {
			showStatusLineMessage(NLS.bind(Messages.RunUploader_waitForSignIn, result.stillPending()));
		}
		for (Listener listener : listeners) {
			listener.uploadsChanged(result.stillPending(), result.lastError());
		}
		return Status.OK_STATUS;
	}

	/** A non-modal hint in the active part's status line. */
	private static void showStatusLineMessage(String message) {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			IWorkbenchPage page = window == null ? null : window.getActivePage();
			IWorkbenchPart part = page == null ? null : page.getActivePart();
			if (part == null) {
				return;
			}
			if (part.getSite() instanceof IViewSite site) {
				site.getActionBars().getStatusLineManager().setErrorMessage(message);
			} else if (part.getSite() instanceof IEditorSite site) {
				site.getActionBars().getStatusLineManager().setErrorMessage(message);
			}
		});
	}

	/**
	 * The upload form of a finished run: configuration name and id (from the download location, or
	 * else the configuration's {@code metadata.projectId}), workflow, status, timing, one result per
	 * completed action and the failure screenshots.
	 */
	public static RunResult toRunResult(RunRecord record, WebBuilderConnection connection) {
		String configId = null;
		String configName = null;
		Path config = record.config();
		if (config != null) {
			Optional<ConfigurationDownload.DownloadedConfiguration> downloaded = new ConfigurationDownload(connection)
					.downloadedAt(config);
			if (downloaded.isPresent()) {
				configId = downloaded.get().configuration().id();
				configName = downloaded.get().configuration().name();
			}
			Metadata metadata = metadataOf(config);
			if (metadata != null) {
				if (configId == null) {
					configId = metadata.getProjectId();
				}
				if (metadata.getName() != null && !metadata.getName().isBlank()) {
					configName = metadata.getName();
				}
			}
			if (configName == null && config.getFileName() != null) {
				configName = config.getFileName().toString();
			}
		}
		String workflow = record.workflow() != null && !record.workflow().isBlank() ? record.workflow() : record.currentWorkflow();
		List<RunResult.ActionResult> actions = new ArrayList<>();
		List<Path> screenshots = new ArrayList<>();
		for (RunEvent event : record.events()) {
			if (event.kind() == RunEvent.Kind.ACTION && event.level() != RunEvent.Level.DEBUG && event.elementId() != null) {
				actions.add(actionResult(event));
			}
			if (event.screenshot() != null && !event.screenshot().isBlank()) {
				Path screenshot = Path.of(event.screenshot());
				if (!screenshots.contains(screenshot)) {
					screenshots.add(screenshot);
				}
			}
		}
		return new RunResult(null, configId, configName, workflow, statusOf(record.status()), record.started(),
				record.elapsed().toMillis(), actions, screenshots);
	}

	/** Passed and failed as such; a crash or a stop by the user means the run did not complete. */
	static RunResult.Status statusOf(RunRecord.Status status) {
		return switch (status) {
		case PASSED -> RunResult.Status.PASSED;
		case FAILED -> RunResult.Status.FAILED;
		default -> RunResult.Status.ERROR;
		};
	}

	/** Reads back what RunRecord wrote for a completed action; the event level decides success if the text is unusual. */
	static RunResult.ActionResult actionResult(RunEvent event) {
		String prefix = "Action " + event.elementId() + " "; //$NON-NLS-1$//$NON-NLS-2$
		String rest = event.message().startsWith(prefix) ? event.message().substring(prefix.length()) : ""; //$NON-NLS-1$
		Matcher matcher = ACTION_COMPLETED.matcher(rest);
		if (matcher.matches()) {
			String type = matcher.group(1).isEmpty() ? null : matcher.group(1);
			return new RunResult.ActionResult(event.elementId(), type, matcher.group(2).equals("ok"), //$NON-NLS-1$
					Long.parseLong(matcher.group(4)), matcher.group(3) == null ? null : SecretMask.mask(matcher.group(3)));
		}
		boolean success = event.level() != RunEvent.Level.ERROR;
		return new RunResult.ActionResult(event.elementId(), null, success, 0, success ? null : SecretMask.mask(event.message()));
	}

	private static Metadata metadataOf(Path config) {
		try {
			QontinuiConfig parsed = new ConfigReader().read(Files.readString(config, StandardCharsets.UTF_8)).config();
			return parsed == null ? null : parsed.getMetadata();
		} catch (IOException | RuntimeException e) {
			return null; // the file may be gone or broken by now; the upload still goes
		}
	}
}
