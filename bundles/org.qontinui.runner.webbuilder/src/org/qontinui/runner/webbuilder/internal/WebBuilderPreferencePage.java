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
import java.net.URI;
import java.util.Map;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.qontinui.runner.core.webbuilder.WebBuilderEndpoints;
import org.qontinui.runner.ui.preferences.QontinuiPreferences;
import org.qontinui.runner.webbuilder.RunUploader;
import org.qontinui.runner.webbuilder.WebBuilderConnection;

/**
 * Qontinui > Web Builder: the URL, run upload, and endpoint paths for servers that differ from the
 * defaults. The token is not edited here but through "Sign in...", which checks it first and keeps
 * it in secure storage.
 */
public class WebBuilderPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	private Label signInState;

	public WebBuilderPreferencePage() {
		super(GRID);
		setDescription("Where the Web Builder is, and whether finished runs are uploaded to it.");
	}

	@Override
	public void init(IWorkbench workbench) {
		// The node the rest of the runner reads (org.qontinui.runner).
		setPreferenceStore(QontinuiPreferences.store());
	}

	@Override
	protected void createFieldEditors() {
		Composite parent = getFieldEditorParent();
		addField(new StringFieldEditor(WebBuilderConnection.URL, "Web Builder URL:", parent) {
			@Override
			protected boolean doCheckState() {
				String url = getStringValue().trim();
				if (url.isEmpty()) {
					return true;
				}
				try {
					WebBuilderConnection.endpoints(url, Map.of());
					return true;
				} catch (IllegalArgumentException e) {
					setErrorMessage(e.getMessage());
					return false;
				}
			}
		});

		signInState = new Label(parent, SWT.NONE);
		signInState.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 1, 1));
		Button signIn = new Button(parent, SWT.PUSH);
		signIn.setText("Sign in...");
		signIn.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
		signIn.addListener(SWT.Selection, e -> {
			new SignInDialog(getShell(), WebBuilderConnection.getDefault(), null).open();
			updateSignInState();
		});
		updateSignInState();

		addField(new BooleanFieldEditor(WebBuilderConnection.UPLOAD_RESULTS,
				"Upload the results of finished runs (kept queued while Web Builder is unreachable)", parent));
		Label pending = new Label(parent, SWT.WRAP);
		pending.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		pending.setText(pendingUploads());

		Label paths = new Label(parent, SWT.WRAP);
		paths.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		paths.setText("\nEndpoint paths (leave empty for the default):");
		for (WebBuilderEndpoints.Endpoint endpoint : WebBuilderEndpoints.Endpoint.values()) {
			StringFieldEditor path = new StringFieldEditor(WebBuilderConnection.PATH_PREFIX + endpoint.key(),
					endpoint.key() + ":", parent) {
				@Override
				protected boolean doCheckState() {
					String value = getStringValue().trim();
					if (value.isEmpty()) {
						return true;
					}
					try {
						@SuppressWarnings("unused") // the constructor checks the path
						WebBuilderEndpoints checked = new WebBuilderEndpoints(URI.create("https://host"),
								Map.of(endpoint.key(), value));
						return true;
					} catch (IllegalArgumentException e) {
						setErrorMessage(e.getMessage());
						return false;
					}
				}
			};
			path.getTextControl(parent).setMessage(endpoint.defaultPath());
			path.setEmptyStringAllowed(true);
			addField(path);
		}
	}

	private void updateSignInState() {
		if (signInState != null && !signInState.isDisposed()) {
			signInState.setText(WebBuilderConnection.getDefault().hasToken() ? "Signed in (token in secure storage)"
					: "Not signed in");
		}
	}

	private static String pendingUploads() {
		try {
			int count = WebBuilderConnection.getDefault().getUploadQueue().pending().size();
			int dead = WebBuilderConnection.getDefault().getUploadQueue().dead().size();
			String waiting = count == 0 ? "No run results wait for upload."
					: count + " run result(s) wait for upload" + (RunUploader.getDefault().getLastProblem() == null ? "."
							: ": " + RunUploader.getDefault().getLastProblem().getMessage());
			return dead == 0 ? waiting
					: waiting + " " + dead + " refused run result(s) were set aside (Web Builder view > Retry Refused Uploads).";
		} catch (IOException e) {
			return "Cannot read the upload queue: " + e.getMessage();
		}
	}

	@Override
	public boolean performOk() {
		boolean ok = super.performOk();
		if (ok && WebBuilderConnection.isUploadEnabled()) {
			RunUploader.getDefault().start();
		}
		return ok;
	}
}
