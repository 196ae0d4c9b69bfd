/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.load.ConfigDocument;
import org.qontinui.runner.core.load.ConfigReader;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.ui.model.ConfigNode;

/**
 * The configurations open in the workbench. Opening reads and validates in a {@link Job} with
 * progress, so even a thousand-state file never blocks the UI thread; diagnostics of workspace files
 * become markers in the Problems view.
 */
public final class OpenConfigurations {

	/** Problem marker type of configuration diagnostics. */
	public static final String MARKER_TYPE = "org.qontinui.runner.ui.configProblem"; //$NON-NLS-1$
	public static final String POINTER_ATTRIBUTE = "org.qontinui.runner.pointer"; //$NON-NLS-1$

	/** Told when a configuration was opened, reloaded or closed; called on any thread. */
	public interface Listener {
		void configurationsChanged(ConfigNode changed);
	}

	private static final OpenConfigurations INSTANCE = new OpenConfigurations();

	private final List<ConfigNode> configs = new CopyOnWriteArrayList<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private OpenConfigurations() {
	}

	public static OpenConfigurations getDefault() {
		return INSTANCE;
	}

	public List<ConfigNode> all() {
		return List.copyOf(configs);
	}

	public void addListener(Listener l) {
		listeners.add(l);
	}

	public void removeListener(Listener l) {
		listeners.remove(l);
	}

	/** Opens (or re-reads) a configuration file in the background; returns the job. */
	public Job open(Path path) {
		Job job = Job.create(NLS.bind(Messages.OpenConfigurations_opening, path.getFileName()), monitor -> {
			try {
				ConfigNode node = read(path, monitor);
				replace(node);
				return Status.OK_STATUS;
			} catch (IOException e) {
				return Status.error(NLS.bind(Messages.OpenConfigurations_cannotRead, path, e.getMessage()), e);
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	/** Reads, validates and builds the explorer tree of a configuration, on the calling thread. */
	public static ConfigNode read(Path path, IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.OpenConfigurations_reading, path.getFileName()), 3);
		String text = Files.readString(path, StandardCharsets.UTF_8);
		progress.worked(1);
		ConfigDocument document = new ConfigReader().read(text);
		List<Diagnostic> diagnostics = new ArrayList<>(document.diagnostics());
		diagnostics.addAll(ConfigChecks.validate(document));
		progress.worked(1);
		ConfigNode node = new ConfigNode(path, workspaceFile(path), document, diagnostics);
		node.tree();
		progress.worked(1);
		return node;
	}

	private void replace(ConfigNode node) {
		configs.removeIf(c -> c.path().equals(node.path()));
		configs.add(node);
		updateMarkers(node);
		fire(node);
	}

	public void close(ConfigNode node) {
		configs.remove(node);
		fire(node);
	}

	/** The opened configuration of a file, or {@code null}. */
	public ConfigNode find(Path path) {
		return configs.stream().filter(c -> c.path().equals(path)).findFirst().orElse(null);
	}

	private void fire(ConfigNode node) {
		for (Listener l : listeners) {
			l.configurationsChanged(node);
		}
	}

	static IFile workspaceFile(Path path) {
		try {
			IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(path.toUri());
			return files.length > 0 ? files[0] : null;
		} catch (IllegalStateException e) {
			return null; // no workspace (headless)
		}
	}

	private static void updateMarkers(ConfigNode node) {
		IFile file = node.file();
		if (file == null || !file.exists()) {
			return;
		}
		WorkspaceJob job = new WorkspaceJob(NLS.bind(Messages.OpenConfigurations_updatingProblems, file.getName())) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				file.deleteMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
				for (Diagnostic d : node.diagnostics()) {
					IMarker marker = file.createMarker(MARKER_TYPE);
					marker.setAttribute(IMarker.MESSAGE, d.message() + (d.pointer() == null || d.pointer().isEmpty() ? "" : " (" + d.pointer() + ")")); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
					marker.setAttribute(IMarker.SEVERITY, switch (d.severity()) {
					case ERROR -> IMarker.SEVERITY_ERROR;
					case WARNING -> IMarker.SEVERITY_WARNING;
					default -> IMarker.SEVERITY_INFO;
					});
					if (d.line() > 0) {
						marker.setAttribute(IMarker.LINE_NUMBER, d.line());
					}
					marker.setAttribute(IMarker.LOCATION, d.pointer() == null ? "" : d.pointer()); //$NON-NLS-1$
					marker.setAttribute(POINTER_ATTRIBUTE, d.pointer() == null ? "" : d.pointer()); //$NON-NLS-1$
				}
				return Status.OK_STATUS;
			}
		};
		job.setRule(file);
		job.setSystem(true);
		job.schedule();
	}
}
