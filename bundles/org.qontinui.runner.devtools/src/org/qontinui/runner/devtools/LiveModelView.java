/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.devtools;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/**
 * The running workbench's e4 application model (windows, perspectives, parts, commands, handlers,
 * key bindings, add-ons) as a live tree, with each element's attributes in the Properties view: for
 * people who extend the runner and need to see what their contributions turned into.
 */
public class LiveModelView extends ViewPart {

	public static final String ID = "org.qontinui.runner.devtools.liveModel"; //$NON-NLS-1$

	private TreeViewer viewer;

	@Override
	public void createPartControl(Composite parent) {
		viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return new Object[] { input };
			}

			@Override
			public Object[] getChildren(Object parent) {
				return parent instanceof EObject e ? e.eContents().toArray() : new Object[0];
			}

			@Override
			public Object getParent(Object element) {
				return element instanceof EObject e ? e.eContainer() : null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return element instanceof EObject e && !e.eContents().isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return describe((EObject) element);
			}
		});
		viewer.setInput(application());
		viewer.expandToLevel(2);
		getSite().setSelectionProvider(viewer);
		getViewSite().getActionBars().getToolBarManager().add(new Action(Messages.LiveModelView_refresh) {
			@Override
			public void run() {
				viewer.refresh();
			}
		});
	}

	/** The live model of the running workbench. */
	public static MApplication application() {
		return PlatformUI.getWorkbench().getService(MApplication.class);
	}

	/** "Part  org.qontinui.runner.ui.stateDiagram  'State Diagram'": type, element id, label. */
	public static String describe(EObject element) {
		StringBuilder text = new StringBuilder(element.eClass().getName());
		Object id = value(element, "elementId"); //$NON-NLS-1$
		if (id != null) {
			text.append("  ").append(id); //$NON-NLS-1$
		}
		Object label = value(element, "label"); //$NON-NLS-1$
		if (label == null) {
			label = value(element, "name"); //$NON-NLS-1$
		}
		if (label != null) {
			text.append("  '").append(label).append('\''); //$NON-NLS-1$
		}
		return text.toString();
	}

	private static Object value(EObject element, String feature) {
		EStructuralFeature f = element.eClass().getEStructuralFeature(feature);
		return f == null ? null : element.eGet(f);
	}

	public TreeViewer viewer() {
		return viewer;
	}

	/** The Properties view of a model element: its EMF attributes. */
	static IPropertySource properties(EObject element) {
		List<EAttribute> attributes = new ArrayList<>(element.eClass().getEAllAttributes());
		return new IPropertySource() {
			@Override
			public Object getEditableValue() {
				return element;
			}

			@Override
			public IPropertyDescriptor[] getPropertyDescriptors() {
				return attributes.stream().map(a -> new PropertyDescriptor(a, a.getName())).toArray(IPropertyDescriptor[]::new);
			}

			@Override
			public Object getPropertyValue(Object id) {
				Object v = element.eGet((EAttribute) id);
				return v == null ? "" : String.valueOf(v); //$NON-NLS-1$
			}

			@Override
			public boolean isPropertySet(Object id) {
				return false;
			}

			@Override
			public void resetPropertyValue(Object id) {
				// read-only
			}

			@Override
			public void setPropertyValue(Object id, Object value) {
				// read-only
			}
		};
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}
}
