/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;
import org.qontinui.runner.core.actions.ContributedActions;
import org.qontinui.runner.core.secure.SecretMask;

/** The UI bundle's activator: its preference store and its shared images. */
public class QontinuiUiPlugin extends AbstractUIPlugin {

	public static final String PLUGIN_ID = "org.qontinui.runner.ui"; //$NON-NLS-1$

	private static QontinuiUiPlugin instance;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		instance = null;
		super.stop(context);
	}

	public static QontinuiUiPlugin getDefault() {
		return instance;
	}

	/** A shared image from {@code icons/<name>.png}; do not dispose it. */
	public static Image image(String name) {
		ImageRegistry registry = instance.getImageRegistry();
		Image image = registry.get(name);
		if (image == null) {
			registry.put(name, imageDescriptor(name));
			image = registry.get(name);
		}
		return image;
	}

	/** The icon a plugin gave its action type (extension point org.qontinui.runner.core.actions), or null. */
	public static Image contributedActionImage(String type) {
		var contribution = ContributedActions.getDefault().type(type);
		if (contribution == null || contribution.icon() == null) {
			return null;
		}
		String key = "contributed:" + type; //$NON-NLS-1$
		ImageRegistry registry = instance.getImageRegistry();
		if (registry.getDescriptor(key) == null) {
			registry.put(key, ImageDescriptor.createFromURL(contribution.icon()));
		}
		return registry.get(key);
	}

	public static ImageDescriptor imageDescriptor(String name) {
		return imageDescriptorFromPlugin(PLUGIN_ID, "icons/" + name + ".png"); //$NON-NLS-1$//$NON-NLS-2$
	}

	public static void log(String message, Throwable e) {
		ILog.of(QontinuiUiPlugin.class).log(Status.error(SecretMask.mask(message),
				SecretMask.mask(e)));
	}
}
