/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.model;

import org.eclipse.osgi.util.NLS;

/** The Config Explorer tree's and the Properties view's strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.model.messages"; //$NON-NLS-1$

	public static String ConfigTree_noName;
	public static String ConfigTree_noId;
	public static String ConfigTree_metadata;
	public static String ConfigTree_states;
	public static String ConfigTree_initial;
	public static String ConfigTree_optional;
	public static String ConfigTree_transitions;
	public static String ConfigTree_workflows;
	public static String ConfigTree_workflow;
	public static String ConfigTree_images;
	public static String ConfigElementProperties_location;
	public static String ConfigElementProperties_pointer;
	public static String ConfigElementProperties_line;
	public static String ConfigElementProperties_actionType;
	public static String ConfigElementProperties_plugin;
	public static String ConfigElementProperties_configFields;
	public static String ConfigElementProperties_element;
	public static String ConfigElementProperties_actionConfiguration;
	public static String ConfigElementProperties_fields;
	public static String ConfigElementProperties_base64;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
