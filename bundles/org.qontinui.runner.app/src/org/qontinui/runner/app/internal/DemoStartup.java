/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.app.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.qontinui.runner.bridge.PythonSources;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.QontinuiPerspective;
import org.qontinui.runner.ui.launching.QontinuiLaunches;

/**
 * On the product's first start (or when started with {@code -Dqontinui.demo=true}) puts the bundled
 * demo into the workspace as project {@value #PROJECT}, opens it in the Config Explorer and the
 * State Diagram, and prepares a launch configuration that replays its screenshots.
 * <p>
 * An Event Admin handler for the e4 workbench's "application startup complete" event, declared in
 * {@code OSGI-INF/demoStartup.xml}: only the product carries this bundle, so an IDE with the runner
 * feature installed does not start anything of Qontinui's with the workbench.
 */
public class DemoStartup implements EventHandler {

	public static final String PROJECT = "qontinui-demo"; //$NON-NLS-1$
	public static final String CONFIG = "demo.json"; //$NON-NLS-1$

	@Override
	public void handleEvent(Event event) {
		// The event comes on the UI thread; the workspace work does not belong there.
		Job.create(Messages.DemoStartup_job, monitor -> {
			setUpDemo();
			return Status.OK_STATUS;
		}).schedule();
	}

	private static void setUpDemo() {
		boolean asked = Boolean.getBoolean("qontinui.demo"); //$NON-NLS-1$
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		boolean firstStart = ResourcesPlugin.getWorkspace().getRoot().getProjects().length == 0;
		if (!asked && !firstStart) {
			return;
		}
		try {
			IFile config = installDemo(project);
			Path path = config.getLocation().toPath();
			QontinuiLaunches.configurationFor(path, ""); //$NON-NLS-1$
			OpenConfigurations.getDefault().open(path);
			PlatformUI.getWorkbench().getDisplay().asyncExec(DemoStartup::showViews);
		} catch (CoreException | IOException e) {
			ILog.of(DemoStartup.class).error("Cannot set up the Qontinui demo", e); //$NON-NLS-1$
		}
	}

	/** Copies the demo (configuration and screenshots) from the executor's bundle into the project. */
	public static IFile installDemo(IProject project) throws CoreException, IOException {
		NullProgressMonitor monitor = new NullProgressMonitor();
		if (!project.exists()) {
			project.create(monitor);
		}
		if (!project.isOpen()) {
			project.open(monitor);
		}
		Path demo = PythonSources.locate().resolve("demo"); //$NON-NLS-1$
		Path target = project.getLocation().toPath();
		Files.walkFileTree(demo, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				if (dir.getFileName().toString().equals("__pycache__")) { //$NON-NLS-1$
					return FileVisitResult.SKIP_SUBTREE;
				}
				Files.createDirectories(target.resolve(demo.relativize(dir).toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Path to = target.resolve(demo.relativize(file).toString());
				if (!Files.exists(to)) {
					Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
				}
				return FileVisitResult.CONTINUE;
			}
		});
		project.refreshLocal(IResource.DEPTH_INFINITE, monitor);
		return project.getFile(CONFIG);
	}

	private static void showViews() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) {
			return;
		}
		if (Boolean.getBoolean("qontinui.demo")) { //$NON-NLS-1$
			// Without a window manager (Xvfb) "maximized" means nothing: take the monitor's area.
			window.getShell().setBounds(window.getShell().getDisplay().getPrimaryMonitor().getClientArea());
		}
		IWorkbenchPage page = window.getActivePage();
		try {
			page.showView(QontinuiPerspective.STATE_DIAGRAM);
			page.showView(QontinuiPerspective.CONFIG_EXPLORER);
		} catch (PartInitException e) {
			ILog.of(DemoStartup.class).error("Cannot show the Qontinui views", e); //$NON-NLS-1$
		}
	}
}
