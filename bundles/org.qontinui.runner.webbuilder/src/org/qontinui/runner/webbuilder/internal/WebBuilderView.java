/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.qontinui.runner.core.webbuilder.ConfigurationSummary;
import org.qontinui.runner.core.webbuilder.ProjectSummary;
import org.qontinui.runner.core.webbuilder.WebBuilderClient;
import org.qontinui.runner.core.webbuilder.WebBuilderException;
import org.qontinui.runner.core.webbuilder.WebBuilderException.Reason;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.QontinuiPerspective;
import org.qontinui.runner.webbuilder.ConfigurationDownload;
import org.qontinui.runner.webbuilder.RunUploader;
import org.qontinui.runner.webbuilder.SignInPrompt;
import org.qontinui.runner.webbuilder.WebBuilderConnection;

/**
 * The user's web builder projects and their configurations. Lists are fetched in jobs, never on
 * the UI thread. Opening a configuration downloads it to the state location and opens it in the
 * Config Explorer; when the server cannot be reached the view lists the configurations downloaded
 * earlier and opens those copies, and says so.
 * <p>
 * A 401 on a request the user asked for (Refresh, Open) asks to sign in through a
 * {@link SignInPrompt} and tries once more; a 401 on the automatic first load only shows
 * "Not signed in", so no dialog pops up while the workbench restores its views.
 */
public class WebBuilderView extends ViewPart {

	public static final String ID = "org.qontinui.runner.webbuilder.view"; //$NON-NLS-1$

	/** Family of the view's load and download jobs. */
	public static final Object FAMILY = WebBuilderView.class;

	private static final String SIGN_IN_LINK = "<a>" + Messages.WebBuilderView_signInLink + "</a>"; //$NON-NLS-1$//$NON-NLS-2$
	private static final String RETRY_HREF = "retry-dead-uploads"; //$NON-NLS-1$
	private static final String RETRY_LINK = "<a href=\"" + RETRY_HREF + "\">" + Messages.WebBuilderView_retryLink + "</a>"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
	private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm") //$NON-NLS-1$
			.withZone(ZoneId.systemDefault());

	/** What one load found. {@code offline}: listed from the downloads because the server was unreachable. */
	private record Listing(List<ProjectNode> projects, boolean offline, WebBuilderException error, String problem) {
	}

	private final AtomicInteger loadGeneration = new AtomicInteger();
	private final WebBuilderConnection.Listener connectionListener = connection -> asyncExec(() -> load(false, false));
	private final RunUploader.Listener uploadListener = (pending, problem) -> {
		if (problem != null && problem.getReason() == Reason.NOT_SIGNED_IN) {
			asyncExec(() -> showStatus(NLS.bind(Messages.WebBuilderView_waitingNotSignedIn, pending, SIGN_IN_LINK)));
			return;
		}
		int dead = deadUploads();
		if (dead > 0) {
			asyncExec(() -> showStatus(NLS.bind(Messages.WebBuilderView_refused, dead, RETRY_LINK)));
		}
	};

	private SignInPrompt signInPrompt = SignInDialog.PROMPT;
	private TreeViewer viewer;
	private Link status;
	private String statusText = ""; //$NON-NLS-1$

	@Override
	public void createPartControl(Composite parent) {
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		parent.setLayout(layout);

		status = new Link(parent, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		status.addListener(SWT.Selection, event -> {
			if (RETRY_HREF.equals(event.text)) {
				RunUploader.getDefault().retryDead();
			} else {
				signInAndReload();
			}
		});

		viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		viewer.setContentProvider(new ContentProvider());
		viewer.setLabelProvider(new NodeLabelProvider());
		viewer.setInput(List.of());
		viewer.addDoubleClickListener(event -> {
			Object element = ((IStructuredSelection) event.getSelection()).getFirstElement();
			if (element instanceof ConfigurationNode node) {
				open(node);
			} else if (element != null) {
				viewer.setExpandedState(element, !viewer.getExpandedState(element));
			}
		});
		getSite().setSelectionProvider(viewer);

		MenuManager menu = new MenuManager();
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		viewer.getTree().setMenu(menu.createContextMenu(viewer.getTree()));
		getSite().registerContextMenu(menu, viewer);

		WebBuilderConnection.addListener(connectionListener);
		RunUploader.getDefault().addListener(uploadListener);
		load(false, false);
	}

	@Override
	public void dispose() {
		WebBuilderConnection.removeListener(connectionListener);
		RunUploader.getDefault().removeListener(uploadListener);
		loadGeneration.incrementAndGet();
		super.dispose();
	}

	@Override
	public void setFocus() {
		viewer.getTree().setFocus();
	}

	/** Replaces the sign-in dialog, e.g. in tests; null restores it. */
	public void setSignInPrompt(SignInPrompt prompt) {
		this.signInPrompt = prompt == null ? SignInDialog.PROMPT : prompt;
	}

	public TreeViewer getViewer() {
		return viewer;
	}

	/** The message above the tree, without link markup. */
	public String getStatusText() {
		return statusText.replaceAll("<a( href=\"[^\"]*\")?>", "").replace("</a>", ""); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
	}

	/** Lists the projects again; a 401 asks to sign in. */
	public void refresh() {
		load(true, false);
	}

	/** Downloads and opens the selected configuration, if one is selected. */
	public void openSelection() {
		if (viewer.getStructuredSelection().getFirstElement() instanceof ConfigurationNode node) {
			open(node);
		}
	}

	// --- loading ------------------------------------------------------------------------------------

	/**
	 * @param askToSignIn the user asked for this: a 401 opens the sign-in prompt
	 * @param retried     this is the attempt after signing in: do not ask again
	 */
	private void load(boolean askToSignIn, boolean retried) {
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		WebBuilderConnection connection = WebBuilderConnection.getDefault();
		int generation = loadGeneration.incrementAndGet();
		if (!connection.isConfigured()) {
			viewer.setInput(List.of());
			showStatus(NLS.bind(Messages.WebBuilderView_notSignedIn, SIGN_IN_LINK));
			if (askToSignIn && !retried && signInPrompt.signIn(getSite().getShell(), null)) {
				load(true, true);
			}
			return;
		}
		showStatus(NLS.bind(Messages.WebBuilderView_loadingFrom, connection.getUrl()));
		Job job = new Job(Messages.WebBuilderView_loadingJob) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				Listing listing = fetch(connection, monitor);
				if (!monitor.isCanceled()) {
					asyncExec(() -> {
						// A newer load (or dispose) supersedes this one.
						if (generation == loadGeneration.get()) {
							loaded(listing, askToSignIn, retried);
						}
					});
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.schedule();
	}

	/** Runs in the job: the projects with their configurations, or the downloads when offline. */
	private static Listing fetch(WebBuilderConnection connection, IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, Messages.WebBuilderView_loadingJob, 10);
		try {
			WebBuilderClient client = connection.createClient();
			List<ProjectSummary> projects = client.listProjects();
			progress.worked(1);
			SubMonitor each = progress.split(9).setWorkRemaining(Math.max(1, projects.size()));
			List<ProjectNode> nodes = new ArrayList<>();
			for (ProjectSummary project : projects) {
				if (each.isCanceled()) {
					break;
				}
				each.subTask(project.name());
				List<ConfigurationNode> configurations = new ArrayList<>();
				for (ConfigurationSummary configuration : client.listConfigurations(project.id())) {
					configurations.add(new ConfigurationNode(project, configuration));
				}
				nodes.add(new ProjectNode(project, configurations));
				each.worked(1);
			}
			return new Listing(nodes, false, null, null);
		} catch (WebBuilderException e) {
			if (e.isRetryable()) {
				try {
					return new Listing(downloadedProjects(connection), true, e, null);
				} catch (IOException io) {
					return new Listing(List.of(), true, e, null);
				}
			}
			return new Listing(List.of(), false, e, null);
		} catch (IllegalArgumentException e) {
			return new Listing(List.of(), false, null, e.getMessage());
		}
	}

	private static List<ProjectNode> downloadedProjects(WebBuilderConnection connection) throws IOException {
		Map<String, List<ConfigurationNode>> byProject = new LinkedHashMap<>();
		Map<String, ProjectSummary> projects = new LinkedHashMap<>();
		for (ConfigurationDownload.DownloadedConfiguration downloaded : new ConfigurationDownload(connection).downloaded()) {
			projects.putIfAbsent(downloaded.project().id(), downloaded.project());
			byProject.computeIfAbsent(downloaded.project().id(), id -> new ArrayList<>())
					.add(new ConfigurationNode(downloaded.project(), downloaded.configuration()));
		}
		List<ProjectNode> nodes = new ArrayList<>();
		projects.forEach((id, project) -> nodes.add(new ProjectNode(project, byProject.get(id))));
		return nodes;
	}

	private void loaded(Listing listing, boolean askToSignIn, boolean retried) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		WebBuilderException error = listing.error();
		if (error != null && error.getReason() == Reason.NOT_SIGNED_IN) {
			viewer.setInput(List.of());
			showStatus(NLS.bind(Messages.WebBuilderView_notSignedIn, SIGN_IN_LINK));
			if (askToSignIn && !retried && signInPrompt.signIn(getSite().getShell(), error.getMessage())) {
				load(true, true);
			}
			return;
		}
		viewer.setInput(listing.projects());
		if (listing.offline()) {
			showStatus(NLS.bind(listing.projects().isEmpty() ? Messages.WebBuilderView_unreachableNothing
					: Messages.WebBuilderView_unreachableShowing,
					error == null ? Messages.WebBuilderView_offline : error.getMessage()));
		} else if (error != null) {
			showStatus(NLS.bind(Messages.WebBuilderView_cannotList, error.getMessage()));
		} else if (listing.problem() != null) {
			showStatus(listing.problem() + " " + SIGN_IN_LINK); //$NON-NLS-1$
		} else {
			int configurations = listing.projects().stream().mapToInt(p -> p.configurations().size()).sum();
			showStatus(NLS.bind(Messages.WebBuilderView_listed, new Object[] { listing.projects().size(), configurations,
					WebBuilderConnection.getDefault().getUrl() }));
		}
	}

	private void signInAndReload() {
		if (signInPrompt.signIn(getSite().getShell(), null)) {
			load(true, true);
		}
	}

	// --- opening ------------------------------------------------------------------------------------

	/** Downloads the configuration in a job and opens it; a 401 asks to sign in and tries again once. */
	public Job open(ConfigurationNode node) {
		return open(node, false);
	}

	private Job open(ConfigurationNode node, boolean retried) {
		WebBuilderConnection connection = WebBuilderConnection.getDefault();
		String name = node.configuration().name();
		showStatus(NLS.bind(Messages.WebBuilderView_downloading, name));
		Job job = new Job(NLS.bind(Messages.WebBuilderView_downloadingJob, name)) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					ConfigurationDownload.Result result = new ConfigurationDownload(connection).download(node.project(),
							node.configuration(), monitor);
					OpenConfigurations.getDefault().open(result.file());
					asyncExec(() -> opened(name, result));
				} catch (WebBuilderException e) {
					asyncExec(() -> openFailed(node, e, retried));
				} catch (IOException | IllegalArgumentException e) {
					asyncExec(() -> showStatus(NLS.bind(Messages.WebBuilderView_cannotOpen, name, e.getMessage())));
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.schedule();
		return job;
	}

	private void opened(String name, ConfigurationDownload.Result result) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		showStatus(result.offline() ? NLS.bind(Messages.WebBuilderView_openedOffline, name, result.warning())
				: NLS.bind(Messages.WebBuilderView_opened, name));
		IWorkbenchPage page = getSite().getPage();
		try {
			page.showView(QontinuiPerspective.CONFIG_EXPLORER, null, IWorkbenchPage.VIEW_VISIBLE);
		} catch (PartInitException e) {
			WebBuilderPlugin.log("Cannot show the Config Explorer", e); //$NON-NLS-1$
		}
	}

	private void openFailed(ConfigurationNode node, WebBuilderException e, boolean retried) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		if (e.getReason() == Reason.NOT_SIGNED_IN) {
			showStatus(NLS.bind(Messages.WebBuilderView_notSignedIn, SIGN_IN_LINK));
			if (!retried && signInPrompt.signIn(getSite().getShell(), e.getMessage())) {
				open(node, true);
			}
			return;
		}
		showStatus(NLS.bind(Messages.WebBuilderView_cannotDownload, node.configuration().name(), e.getMessage()));
	}

	// --- presentation -------------------------------------------------------------------------------

	private static int deadUploads() {
		try {
			return WebBuilderConnection.getDefault().getUploadQueue().dead().size();
		} catch (IOException e) {
			return 0;
		}
	}

	private void showStatus(String text) {
		if (status == null || status.isDisposed()) {
			return;
		}
		statusText = text;
		status.setText(text.replace("&", "&&")); //$NON-NLS-1$//$NON-NLS-2$
		status.getParent().layout(true);
	}

	private void asyncExec(Runnable runnable) {
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		viewer.getControl().getDisplay().asyncExec(() -> {
			if (!viewer.getControl().isDisposed()) {
				runnable.run();
			}
		});
	}

	private static final class ContentProvider implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return input instanceof List<?> list ? list.toArray() : new Object[0];
		}

		@Override
		public Object[] getChildren(Object parent) {
			return parent instanceof ProjectNode project ? project.configurations().toArray() : new Object[0];
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return element instanceof ProjectNode project && !project.configurations().isEmpty();
		}
	}

	private static final class NodeLabelProvider extends LabelProvider {
		@Override
		public String getText(Object element) {
			if (element instanceof ProjectNode project) {
				return project.project().name();
			}
			if (element instanceof ConfigurationNode node) {
				ConfigurationSummary configuration = node.configuration();
				StringBuilder text = new StringBuilder(configuration.name());
				if (configuration.version() != null) {
					text.append("  v").append(configuration.version()); //$NON-NLS-1$
				}
				if (configuration.updated() != null) {
					text.append("  (").append(UPDATED.format(configuration.updated())).append(')'); //$NON-NLS-1$
				}
				return text.toString();
			}
			return super.getText(element);
		}

		@Override
		public Image getImage(Object element) {
			if (element instanceof ProjectNode) {
				return WebBuilderPlugin.image("folder"); //$NON-NLS-1$
			}
			if (element instanceof ConfigurationNode) {
				return WebBuilderPlugin.image("config"); //$NON-NLS-1$
			}
			return null;
		}
	}
}
