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

import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;
import org.qontinui.runner.core.secure.SecretMask;

/** The web builder bundle's activator: its state location, shared images and log. */
public class WebBuilderPlugin extends AbstractUIPlugin {

	public static final String PLUGIN_ID = "org.qontinui.runner.webbuilder"; //$NON-NLS-1$

	private static WebBuilderPlugin instance;

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

	public static WebBuilderPlugin getDefault() {
		return instance;
	}

	/** The bundle's state folder in the workspace metadata. */
	public static Path stateDirectory() {
		return instance.getStateLocation().toPath();
	}

	/** A shared image from {@code icons/<name>.png}; do not dispose it. */
	public static Image image(String name) {
		ImageRegistry registry = instance.getImageRegistry();
		Image image = registry.get(name);
		if (image == null) {
			registry.put(name, imageDescriptorFromPlugin(PLUGIN_ID, "icons/" + name + ".png")); //$NON-NLS-1$//$NON-NLS-2$
			image = registry.get(name);
		}
		return image;
	}

	public static void log(String message, Throwable e) {
		ILog.of(WebBuilderPlugin.class).log(Status.error(SecretMask.mask(message), SecretMask.mask(e)));
	}

	public static void logWarning(String message) {
		ILog.of(WebBuilderPlugin.class).log(Status.warning(SecretMask.mask(message)));
	}
}
