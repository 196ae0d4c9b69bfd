/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.variables.VariablesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorException;
import org.qontinui.runner.bridge.ExecutorSettings;
import org.qontinui.runner.bridge.LaunchArguments;
import org.qontinui.runner.bridge.LaunchHandshake;
import org.qontinui.runner.bridge.ProtocolErrors;
import org.qontinui.runner.bridge.PythonSources;
import org.qontinui.runner.core.actions.ContributedActions;
import org.qontinui.runner.core.load.ConfigCache;
import org.qontinui.runner.core.load.ConfigLoadException;
import org.qontinui.runner.core.load.UrlConfigSource;
import org.qontinui.runner.core.secure.PrivateFolder;
import org.qontinui.runner.core.secure.SecretMask;
import org.qontinui.runner.core.secure.WebBuilderSignIn;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.model.QontinuiDebugTarget;
import org.qontinui.runner.debug.model.QontinuiProcess;
import org.qontinui.runner.runs.RunRecord;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts the Python executor for a "Qontinui Automation" launch. In run mode the process alone is
 * added to the launch; in debug mode a {@link QontinuiDebugTarget} drives it.
 */
public class QontinuiLaunchDelegate extends LaunchConfigurationDelegate {

	@Override
	public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		LaunchEvents.starting(launch); // the bundles that follow runs start now (not with the workbench)
		SubMonitor progress = SubMonitor.convert(monitor, Messages.QontinuiLaunchDelegate_starting, 3);
		String raw = configuration.getAttribute(LaunchAttributes.CONFIG, "").trim(); //$NON-NLS-1$
		boolean web = raw.startsWith("https://") || raw.startsWith("http://"); //$NON-NLS-1$//$NON-NLS-2$
		Path local = web ? null : resolveConfig(configuration);
		Path runDir = newRunDirectory(local == null ? Path.of(webName(raw)) : local);
		Path config = local == null ? download(raw, runDir) : local;
		ExecutorSettings settings = executorSettings(configuration, runDir);
		progress.worked(1);

		ExecutorConnection connection;
		try {
			connection = ExecutorConnection.start(settings);
		} catch (IOException e) {
			throw new CoreException(Status.error(
					NLS.bind(Messages.QontinuiLaunchDelegate_cannotStart, settings.python(), e.getMessage()), e));
		}
		boolean debug = ILaunchManager.DEBUG_MODE.equals(mode);
		// The UI gives each run a Console coloured by level; the plain process console would repeat it.
		launch.setAttribute(DebugPlugin.ATTR_CAPTURE_OUTPUT, "false"); //$NON-NLS-1$
		RunRecord record = new RunRecord(config, configuration.getAttribute(LaunchAttributes.WORKFLOW, "")) //$NON-NLS-1$
				.runDirectory(runDir);
		QontinuiProcess process = new QontinuiProcess(launch, connection,
				settings.python() + " (" + config.getFileName() + ")", record); //$NON-NLS-1$//$NON-NLS-2$
		process.setAttribute("org.qontinui.runner.runDirectory", runDir.toString()); //$NON-NLS-1$
		LaunchArguments arguments = launchArguments(configuration, config, runDir, !debug);
		try {
			if (debug) {
				QontinuiDebugTarget target = new QontinuiDebugTarget(launch, process, config);
				launch.addDebugTarget(target);
				progress.worked(1);
				target.start(arguments);
			} else {
				progress.worked(1);
				LaunchHandshake.start(connection, arguments, LaunchHandshake.Configuration.NONE);
			}
			progress.worked(1);
		} catch (ExecutorException e) {
			connection.terminate(Duration.ofSeconds(2));
			String what = e.errorId() == ProtocolErrors.INVALID_CONFIG ? Messages.QontinuiLaunchDelegate_invalidConfiguration
					: Messages.QontinuiLaunchDelegate_refused;
			throw new CoreException(Status.error(NLS.bind(what, e.getMessage()), e));
		}
	}

	private static String webName(String url) {
		String path = URI.create(url).getPath();
		String last = path == null || path.isEmpty() ? "web-config" : path.substring(path.lastIndexOf('/') + 1); //$NON-NLS-1$
		return (last.isEmpty() ? "web-config" : last.replaceAll("[^A-Za-z0-9._-]", "_")) + (last.endsWith(".json") ? "" : ".json"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$
	}

	/**
	 * Fetches a configuration from a URL into the run's folder, where the executor reads it. The
	 * sign-in token goes along only when the URL is on the configured web builder (same scheme, host
	 * and port): a launch file naming another host never receives it. ETag cache and offline copy
	 * in a private folder.
	 */
	static Path download(String url, Path runDir) throws CoreException {
		UrlConfigSource source = new UrlConfigSource(WebBuilderSignIn.tokens(), WebBuilderSignIn.url().orElse(null),
				new ConfigCache(webCacheFolder()), UrlConfigSource.DEFAULT_MAX_BYTES, UrlConfigSource.DEFAULT_TIMEOUT);
		try {
			UrlConfigSource.Fetched fetched = source.fetch(URI.create(url));
			Path file = runDir.resolve(webName(url));
			Files.write(file, fetched.body());
			return file;
		} catch (ConfigLoadException e) {
			throw new CoreException(Status.error(
					NLS.bind(Messages.QontinuiLaunchDelegate_cannotLoadWeb, SecretMask.mask(e.getMessage()))));
		} catch (IOException | IllegalArgumentException e) {
			throw new CoreException(Status.error(NLS.bind(Messages.QontinuiLaunchDelegate_cannotLoad, SecretMask.mask(url),
					SecretMask.mask(e.getMessage()))));
		}
	}

	/** The plug-in's state location, else the user's private cache folder; never a shared temporary folder. */
	private static Path webCacheFolder() {
		try {
			return Platform.getStateLocation(FrameworkUtil.getBundle(QontinuiLaunchDelegate.class)).toPath().resolve("web-cache"); //$NON-NLS-1$
		} catch (IllegalStateException e) {
			return PrivateFolder.userCacheFolder("web-cache"); //$NON-NLS-1$
		}
	}

	static Path resolveConfig(ILaunchConfiguration configuration) throws CoreException {
		String raw = configuration.getAttribute(LaunchAttributes.CONFIG, ""); //$NON-NLS-1$
		if (raw.isBlank()) {
			throw new CoreException(Status.error(NLS.bind(Messages.QontinuiLaunchDelegate_noConfiguration, configuration.getName())));
		}
		String expanded = VariablesPlugin.getDefault().getStringVariableManager().performStringSubstitution(raw);
		Path path = Paths.get(expanded);
		if (!path.isAbsolute()) {
			IResource res = ResourcesPlugin.getWorkspace()
					.getRoot().findMember(expanded);
			if (res != null && res.getLocation() != null) {
				path = res.getLocation().toPath();
			}
		}
		if (!Files.isRegularFile(path)) {
			throw new CoreException(Status.error(NLS.bind(Messages.QontinuiLaunchDelegate_configurationNotFound, expanded)));
		}
		return path.toAbsolutePath();
	}

	static ExecutorSettings executorSettings(ILaunchConfiguration configuration, Path runDir) throws CoreException {
		Path sources;
		try {
			sources = PythonSources.locate();
		} catch (IOException e) {
			throw new CoreException(Status.error(e.getMessage(), e));
		}
		String python = configuration.getAttribute(LaunchAttributes.PYTHON, ""); //$NON-NLS-1$
		List<Path> extra = new ArrayList<>();
		for (String line : configuration.getAttribute(LaunchAttributes.EXTRA_PYTHON_PATH, "").split("\\R")) { //$NON-NLS-1$//$NON-NLS-2$
			if (!line.isBlank()) {
				extra.add(Paths.get(line.trim()));
			}
		}
		return ExecutorSettings.of(sources, runDir)
				.withPython(python.isBlank() ? preferredInterpreter() : Paths.get(python))
				.withExtraPythonPath(extra);
	}

	/** The preference when set, else {@code -Dqontinui.python}, else Debian's interpreter. */
	static Path preferredInterpreter() {
		String pref = Platform.getPreferencesService().getString(LaunchAttributes.PREFERENCE_NODE,
				LaunchAttributes.PREF_PYTHON, "", null); //$NON-NLS-1$
		return pref.isBlank() ? PythonSources.defaultInterpreter() : Paths.get(pref);
	}

	static LaunchArguments launchArguments(ILaunchConfiguration configuration, Path config, Path runDir,
			boolean noDebug) throws CoreException {
		LaunchArguments args = new LaunchArguments(config)
				.workflow(configuration.getAttribute(LaunchAttributes.WORKFLOW, "")) //$NON-NLS-1$
				.backend(configuration.getAttribute(LaunchAttributes.BACKEND, LaunchAttributes.DEFAULT_BACKEND))
				.screenshots(configuration.getAttribute(LaunchAttributes.SCREENSHOTS, "")) //$NON-NLS-1$
				.initialStates(configuration.getAttribute(LaunchAttributes.INITIAL_STATES, List.of()))
				.goToStates(configuration.getAttribute(LaunchAttributes.GO_TO_STATES, List.of()))
				.runDir(runDir)
				.noDebug(noDebug)
				.monitor(configuration.getAttribute(LaunchAttributes.MONITOR, 0))
				.failureStrategy(configuration.getAttribute(LaunchAttributes.FAILURE_STRATEGY, "")) //$NON-NLS-1$
				.slowStepMs(configuration.getAttribute(LaunchAttributes.SLOW_STEP_MS, 0))
				.record(configuration.getAttribute(LaunchAttributes.RECORD, false));
		String replay = configuration.getAttribute(LaunchAttributes.REPLAY, ""); //$NON-NLS-1$
		if (!replay.isBlank()) {
			args.replay(Path.of(replay)); // a recorded run folder: its configuration on its frames
		}
		// The preference turns failure screenshots off for every run; on, the configuration decides.
		if (!Platform.getPreferencesService().getBoolean(LaunchAttributes.PREFERENCE_NODE,
				LaunchAttributes.PREF_SCREENSHOT_ON_ERROR, true, null)) {
			args.screenshotOnError(false);
		}
		return addContributedActions(args);
	}

	/** Action types contributed by installed plugins, and hints for those of plugins not installed. */
	private static LaunchArguments addContributedActions(LaunchArguments args) {
		ContributedActions actions = ContributedActions.getDefault();
		actions.modules().forEach(m -> args.plugin(m.module(), m.path()));
		actions.installHints().forEach(args::actionHint);
		return args;
	}

	/** Where every run's folder (screenshots, logs) is kept: the plug-in's state location. */
	public static Path runsRoot() {
		try {
			return Platform.getStateLocation(FrameworkUtil.getBundle(QontinuiLaunchDelegate.class)).toPath().resolve("runs"); //$NON-NLS-1$
		} catch (IllegalStateException e) {
			return Paths.get(System.getProperty("java.io.tmpdir"), QontinuiDebugCore.PLUGIN_ID, "runs"); //$NON-NLS-1$//$NON-NLS-2$
		}
	}

	/** Deletes the folders of all but the {@code keep} newest runs (the log retention preference). */
	public static void pruneRunDirectories(int keep) {
		Path root = runsRoot();
		if (!Files.isDirectory(root)) {
			return;
		}
		try (var dirs = Files.list(root)) {
			List<Path> old = dirs.filter(Files::isDirectory)
					.sorted(Comparator.comparing(QontinuiLaunchDelegate::modified).reversed())
					.skip(Math.max(keep, 1)).toList();
			for (Path dir : old) {
				try (var files = Files.walk(dir)) {
					for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(f);
					}
				}
			}
		} catch (IOException e) {
			ILog.of(QontinuiLaunchDelegate.class).warn("Cannot prune old runs in " + root + ": " + e); //$NON-NLS-1$//$NON-NLS-2$
		}
	}

	private static FileTime modified(Path p) {
		try {
			return Files.getLastModifiedTime(p);
		} catch (IOException e) {
			return FileTime.fromMillis(0);
		}
	}

	/** A fresh folder per run for screenshots and logs, under the plug-in's state location. */
	static Path newRunDirectory(Path config) throws CoreException {
		String name = config.getFileName().toString().replaceAll("\\.json$", "") + "-" //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")); //$NON-NLS-1$
		Path dir = runsRoot().resolve(name);
		try {
			return Files.createDirectories(dir);
		} catch (IOException e) {
			throw new CoreException(Status.error(NLS.bind(Messages.QontinuiLaunchDelegate_cannotCreateRunDirectory, dir, e.getMessage()), e));
		}
	}
}
