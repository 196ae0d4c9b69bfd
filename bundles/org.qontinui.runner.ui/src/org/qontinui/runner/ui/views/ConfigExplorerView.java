/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.views;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.IShowInSource;
import org.eclipse.ui.part.IShowInTarget;
import org.eclipse.ui.part.IShowInTargetList;
import org.eclipse.ui.part.ShowInContext;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.qontinui.runner.core.config.State;
import org.qontinui.runner.core.config.StateImage;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.core.validation.TextPosition;
import org.qontinui.runner.ui.DebugContextFollower;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.QontinuiPerspective;
import org.qontinui.runner.ui.ShowInPart;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;
import org.qontinui.runner.ui.breakpoints.BreakpointToggler;
import org.qontinui.runner.ui.launching.QontinuiLaunches;
import org.qontinui.runner.ui.model.ConfigElementNode;
import org.qontinui.runner.ui.model.ConfigElementNode.Kind;
import org.qontinui.runner.ui.model.ConfigNode;
import org.qontinui.runner.ui.model.ThumbnailCache;

/**
 * The opened configurations as a tree: metadata, states with their images, transitions, workflows
 * with nested actions, images. Problems show on the items; double-click opens the element's line in
 * the JSON editor; the context menu runs, debugs, navigates and toggles breakpoints.
 * <p>
 * Its selection goes to the workbench's selection service (the State Diagram and the Properties
 * view follow it); it follows the State Diagram's selection, and takes and gives elements through
 * Show In.
 */
public class ConfigExplorerView extends ViewPart
		implements OpenConfigurations.Listener, IShowInTarget, IShowInSource, IShowInTargetList {

	public static final String ID = QontinuiPerspective.CONFIG_EXPLORER;

	private TreeViewer viewer;
	private ThumbnailCache thumbnails;
	private DebugContextFollower follower;
	private final ISelectionListener diagramSelection = this::diagramSelectionChanged;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new FillLayout());
		viewer = new TreeViewer(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.FULL_SELECTION);
		thumbnails = new ThumbnailCache(parent.getDisplay());
		TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.NONE);
		column.getColumn().setWidth(600);
		column.setLabelProvider(new Labels());
		viewer.getTree().setHeaderVisible(false);
		viewer.getTree().addListener(SWT.Resize, e -> column.getColumn().setWidth(Math.max(300, viewer.getTree().getClientArea().width)));
		ColumnViewerToolTipSupport.enableFor(viewer);
		viewer.setContentProvider(new Content());
		viewer.setInput(OpenConfigurations.getDefault());
		viewer.addDoubleClickListener(e -> openInEditor(selected()));
		getSite().setSelectionProvider(viewer);
		getSite().getPage().addSelectionListener(QontinuiPerspective.STATE_DIAGRAM, diagramSelection);
		createActions();
		OpenConfigurations.getDefault().addListener(this);
		follower = new DebugContextFollower(getSite().getWorkbenchWindow(), (config, node) -> {
			viewer.reveal(node);
			viewer.setSelection(new StructuredSelection(node), true);
		});
	}

	private Object selected() {
		return viewer.getStructuredSelection().getFirstElement();
	}

	public TreeViewer viewer() {
		return viewer;
	}

	@Override
	public void configurationsChanged(ConfigNode changed) {
		viewer.getControl().getDisplay().asyncExec(() -> {
			if (viewer.getControl().isDisposed()) {
				return;
			}
			viewer.refresh();
			if (OpenConfigurations.getDefault().all().contains(changed)) {
				viewer.setExpandedState(changed, true);
			}
		});
	}

	/** Selects and reveals an element, e.g. when it is clicked in the State Diagram. */
	public void select(ConfigNode config, Kind kind, String id) {
		ConfigElementNode node = config.tree().find(kind, id);
		if (node != null) {
			reveal(node);
		}
	}

	/** Selects and reveals a configuration or one of its elements, unless it is selected already. */
	private boolean reveal(Object element) {
		if (rootOf(element) == null) {
			return false;
		}
		if (!element.equals(selected())) {
			viewer.reveal(element);
			viewer.setSelection(new StructuredSelection(element), true);
		}
		return true;
	}

	/** A state clicked in the State Diagram is selected here too. */
	private void diagramSelectionChanged(IWorkbenchPart part, ISelection selection) {
		if (selection instanceof IStructuredSelection s && !s.isEmpty() && !viewer.getControl().isDisposed()) {
			reveal(s.getFirstElement());
		}
	}

	@Override
	public boolean show(ShowInContext context) {
		if (context.getSelection() instanceof IStructuredSelection s && !s.isEmpty()) {
			return reveal(s.getFirstElement());
		}
		return context.getInput() != null && reveal(context.getInput());
	}

	@Override
	public ShowInContext getShowInContext() {
		Object element = selected();
		return new ShowInContext(rootOf(element), viewer.getStructuredSelection());
	}

	@Override
	public String[] getShowInTargetIds() {
		return new String[] { QontinuiPerspective.STATE_DIAGRAM };
	}

	// --- actions ------------------------------------------------------------------------------------

	private void createActions() {
		Action open = new Action(Messages.ConfigExplorer_open, QontinuiUiPlugin.imageDescriptor("config")) { //$NON-NLS-1$
			@Override
			public void run() {
				FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
				dialog.setFilterExtensions(new String[] { "*.json", "*" }); //$NON-NLS-1$//$NON-NLS-2$
				String file = dialog.open();
				if (file != null) {
					OpenConfigurations.getDefault().open(Path.of(file));
				}
			}
		};
		Action reload = new Action(Messages.ConfigExplorer_reload, QontinuiUiPlugin.imageDescriptor("reload")) { //$NON-NLS-1$
			@Override
			public void run() {
				OpenConfigurations.getDefault().all().forEach(c -> OpenConfigurations.getDefault().open(c.path()));
			}
		};
		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(open);
		toolbar.add(reload);

		MenuManager menu = new MenuManager();
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(this::fillContextMenu);
		viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
		getSite().registerContextMenu(menu, viewer);
	}

	private void fillContextMenu(IMenuManager menu) {
		Object element = selected();
		ConfigNode root = rootOf(element);
		if (root == null) {
			return;
		}
		if (element instanceof ConfigElementNode n && n.kind() == Kind.WORKFLOW) {
			menu.add(launchAction(Messages.ConfigExplorer_runWorkflow, root, n.elementId(), ILaunchManager.RUN_MODE));
			menu.add(launchAction(Messages.ConfigExplorer_debugWorkflow, root, n.elementId(), ILaunchManager.DEBUG_MODE));
		} else {
			menu.add(launchAction(Messages.ConfigExplorer_run, root, "", ILaunchManager.RUN_MODE)); //$NON-NLS-1$
			menu.add(launchAction(Messages.ConfigExplorer_debug, root, "", ILaunchManager.DEBUG_MODE)); //$NON-NLS-1$
		}
		if (element instanceof ConfigElementNode n && n.kind() == Kind.STATE) {
			menu.add(new Action(Messages.ConfigExplorer_goToState) {
				@Override
				public void run() {
					try {
						QontinuiLaunches.goToStates(root.path(), List.of(n.elementId()), ILaunchManager.RUN_MODE);
					} catch (CoreException e) {
						QontinuiUiPlugin.log("Cannot start navigation", e); //$NON-NLS-1$
					}
				}
			});
		}
		if (element instanceof ConfigElementNode n && BreakpointToggler.supports(n.kind())) {
			menu.add(new Separator());
			menu.add(new Action(Messages.ConfigExplorer_toggleBreakpoint) {
				@Override
				public void run() {
					BreakpointToggler.toggle(n, getSite().getShell());
					viewer.refresh(n);
				}
			});
		}
		menu.add(new Separator());
		menu.add(new Action(Messages.ConfigExplorer_showInDiagram, QontinuiUiPlugin.imageDescriptor("diagram")) { //$NON-NLS-1$
			@Override
			public void run() {
				ShowInPart.show(getSite().getPage(), QontinuiPerspective.STATE_DIAGRAM,
						new ShowInContext(root, new StructuredSelection(element)), true, true);
			}
		});
		MenuManager showIn = new MenuManager(Messages.ConfigExplorer_showIn, "org.eclipse.ui.navigate.showInQuickMenu"); //$NON-NLS-1$
		showIn.add(ContributionItemFactory.VIEWS_SHOW_IN.create(getSite().getWorkbenchWindow()));
		menu.add(showIn);
		menu.add(new Action(Messages.ConfigExplorer_openInEditor) {
			@Override
			public void run() {
				openInEditor(element);
			}
		});
		menu.add(new Action(Messages.ConfigExplorer_close) {
			@Override
			public void run() {
				OpenConfigurations.getDefault().close(root);
			}
		});
		menu.add(new Separator("additions")); //$NON-NLS-1$
	}

	private Action launchAction(String label, ConfigNode root, String workflow, String mode) {
		// The debug platform's own Run and Debug icons, as in its Run As / Debug As menus.
		ImageDescriptor icon = DebugUITools.getImageDescriptor(ILaunchManager.DEBUG_MODE.equals(mode)
				? IDebugUIConstants.IMG_ACT_DEBUG : IDebugUIConstants.IMG_ACT_RUN);
		return new Action(label, icon) {
			@Override
			public void run() {
				try {
					QontinuiLaunches.launch(root.path(), workflow, mode);
				} catch (CoreException e) {
					QontinuiUiPlugin.log("Cannot launch " + root.path(), e); //$NON-NLS-1$
				}
			}
		};
	}

	/** Opens the configuration file in an editor with the element's line selected. */
	public static void openInEditor(Object element) {
		ConfigNode root = rootOf(element);
		if (root == null) {
			return;
		}
		String pointer = element instanceof ConfigElementNode n ? n.pointer() : ""; //$NON-NLS-1$
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		try {
			IEditorPart editor = root.file() != null ? IDE.openEditor(page, root.file(), "org.eclipse.ui.DefaultTextEditor") //$NON-NLS-1$
					: IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().fromLocalFile(root.path().toFile()));
			TextPosition pos = root.positionOf(pointer);
			if (editor instanceof ITextEditor text && pos.isKnown()) {
				IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
				// Columns count code points (as the executor's), the document UTF-16 units.
				int lineOffset = doc.getLineOffset(pos.line() - 1);
				String line = doc.get(lineOffset, doc.getLineLength(pos.line() - 1));
				int column = Math.min(line.codePointCount(0, line.length()), Math.max(0, pos.column() - 1));
				text.selectAndReveal(lineOffset + line.offsetByCodePoints(0, column), 0);
			}
		} catch (PartInitException | BadLocationException e) {
			QontinuiUiPlugin.log("Cannot open " + root.path(), e); //$NON-NLS-1$
		}
	}

	/** The configuration an explorer element belongs to, or {@code null}. */
	private static ConfigNode rootOf(Object element) {
		return element instanceof ConfigNode c ? c : element instanceof ConfigElementNode n ? n.root() : null;
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removeSelectionListener(QontinuiPerspective.STATE_DIAGRAM, diagramSelection);
		OpenConfigurations.getDefault().removeListener(this);
		follower.dispose();
		thumbnails.dispose();
		super.dispose();
	}

	// --- providers ----------------------------------------------------------------------------------

	private static final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return OpenConfigurations.getDefault().all().toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			if (parent instanceof ConfigNode c) {
				return c.tree().children();
			}
			return parent instanceof ConfigElementNode n ? n.children().toArray() : new Object[0];
		}

		@Override
		public Object getParent(Object element) {
			return element instanceof ConfigElementNode n ? n.parent() : null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return element instanceof ConfigNode c ? c.config() != null || !c.diagnostics().isEmpty()
					: element instanceof ConfigElementNode n && !n.children().isEmpty();
		}
	}

	private final class Labels extends ColumnLabelProvider {
		@Override
		public String getText(Object element) {
			if (element instanceof ConfigNode c) {
				long errors = c.diagnostics().stream().filter(Diagnostic::isError).count();
				// Two open files that read the same (the bundled demo and a copy in a project) say where they are.
				boolean ambiguous = OpenConfigurations.getDefault().all().stream()
						.anyMatch(o -> o != c && o.name().equals(c.name()));
				String name = ambiguous ? NLS.bind(Messages.ConfigExplorer_nameWithLocation, c.name(), location(c)) : c.name();
				return errors > 0 ? NLS.bind(Messages.ConfigExplorer_nameWithErrors, name, errors) : name;
			}
			if (element instanceof ConfigElementNode n) {
				String text = n.label();
				if (BreakpointToggler.hasBreakpoint(n)) {
					text = "\u25CF " + text; //$NON-NLS-1$
				}
				return text;
			}
			return String.valueOf(element);
		}

		@Override
		public Image getImage(Object element) {
			List<Diagnostic> problems = problems(element);
			if (problems.stream().anyMatch(Diagnostic::isError)) {
				return QontinuiUiPlugin.image("error"); //$NON-NLS-1$
			}
			if (problems.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.WARNING)) {
				return QontinuiUiPlugin.image("warning"); //$NON-NLS-1$
			}
			if (element instanceof ConfigNode) {
				return QontinuiUiPlugin.image("config"); //$NON-NLS-1$
			}
			ConfigElementNode n = (ConfigElementNode) element;
			Image thumb = switch (n.kind()) {
			case STATE -> thumbnails.ofState(n.root(), (State) n.element(), 16);
			case STATE_IMAGE -> thumbnails.ofStateImage(n.root(), (StateImage) n.element(), 16);
			case IMAGE -> thumbnails.get(n.root(), n.elementId(), 16);
			default -> null;
			};
			if (thumb != null) {
				return thumb;
			}
			if (n.kind() == Kind.ACTION && n.element() instanceof org.qontinui.runner.core.config.Action a) {
				Image contributed = QontinuiUiPlugin.contributedActionImage(a.getType());
				if (contributed != null) {
					return contributed;
				}
			}
			return QontinuiUiPlugin.image(switch (n.kind()) {
			case METADATA -> "metadata"; //$NON-NLS-1$
			case GROUP -> "folder"; //$NON-NLS-1$
			case STATE -> ((State) n.element()).isInitial() ? "state_initial" : "state"; //$NON-NLS-1$//$NON-NLS-2$
			case STATE_IMAGE, IMAGE -> "image"; //$NON-NLS-1$
			case TRANSITION -> "transition"; //$NON-NLS-1$
			case WORKFLOW -> "workflow"; //$NON-NLS-1$
			case ACTION -> "action"; //$NON-NLS-1$
			});
		}

		@Override
		public String getToolTipText(Object element) {
			List<Diagnostic> problems = problems(element);
			if (problems.isEmpty()) {
				return element instanceof ConfigNode c ? c.path().toString() : null;
			}
			StringBuilder text = new StringBuilder();
			problems.stream().limit(10).forEach(d -> text.append(d.severity()).append(": ").append(d.message()) //$NON-NLS-1$
					.append(d.line() > 0 ? NLS.bind(Messages.ConfigExplorer_atLine, d.line()) : "").append('\n')); //$NON-NLS-1$
			if (problems.size() > 10) {
				text.append(NLS.bind(Messages.ConfigExplorer_andMore, problems.size() - 10));
			}
			return text.toString().strip();
		}

		/** The project folder of a workspace file, else the file's folder. */
		private static String location(ConfigNode c) {
			if (c.file() != null) {
				return c.file().getParent().getFullPath().makeRelative().toString();
			}
			Path parent = c.path().toAbsolutePath().getParent();
			return parent == null ? c.path().toString() : parent.toString();
		}

		private List<Diagnostic> problems(Object element) {
			if (element instanceof ConfigNode c) {
				return c.diagnostics();
			}
			ConfigElementNode n = (ConfigElementNode) element;
			return n.kind() == Kind.GROUP && n.pointer().isEmpty() ? List.of() : n.root().diagnosticsUnder(n.pointer());
		}
	}

}
