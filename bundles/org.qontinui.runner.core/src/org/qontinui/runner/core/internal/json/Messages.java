/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.internal.json;

import org.eclipse.osgi.util.NLS;

/** The messages of reading a configuration (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.core.internal.json.messages"; //$NON-NLS-1$

	public static String ValueShapes_expectedFound;
	public static String ValueShapes_notOneOf;
	public static String ValueShapes_list;
	public static String ValueShapes_text;
	public static String ValueShapes_trueOrFalse;
	public static String ValueShapes_number;
	public static String ValueShapes_wholeNumber;
	public static String ValueShapes_index;
	public static String ValueShapes_oneOf;
	public static String ValueShapes_object;
	public static String ValueShapes_boolean;
	public static String ValueShapes_or;
	public static String DialectMigration_configurationKey;
	public static String DialectMigration_transitionKey;
	public static String DialectMigration_workflowKey;
	public static String DialectMigration_actionType;
	public static String ConfigJsonMapper_expectedFound;
	public static String ConfigJsonMapper_expectedFoundText;
	public static String ConfigJsonMapper_expectedFoundNumber;
	public static String ConfigJsonMapper_list;
	public static String ConfigJsonMapper_trueOrFalse;
	public static String ConfigJsonMapper_number;
	public static String ConfigJsonMapper_text;
	public static String ConfigJsonMapper_object;
	public static String ConfigJsonMapper_boolean;
	public static String ConfigJsonMapper_nothing;
	public static String LocatingTreeReader_emptyDocument;
	public static String LocatingTreeReader_contentAfterEnd;
	public static String TransitionDeserializer_notAnObject;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
