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

import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.qontinui.runner.webbuilder.RunUploader;

/**
 * Starts the run upload hook with the first Qontinui launch: from then on finished runs are uploaded
 * (when the preference is on), and uploads left queued by an earlier session are sent. An Event
 * Admin handler for {@code org/qontinui/runner/launch/STARTING} (OSGI-INF/uploadStarter.xml), so
 * that the bundle does not start with the workbench.
 */
public class UploadStarter implements EventHandler {

	@Override
	public void handleEvent(Event event) {
		RunUploader.getDefault().start();
	}
}
