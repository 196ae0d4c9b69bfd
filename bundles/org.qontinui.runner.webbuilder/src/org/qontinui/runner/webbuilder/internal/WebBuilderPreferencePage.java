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
import org.eclipse.osgi.util.NLS;
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
		setDescription(Messages.WebBuilderPreferencePage_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		// The node the rest of the runner reads (org.qontinui.runner).
		setPreferenceStore(QontinuiPreferences.store());
	}

	@Override
	protected void createFieldEditors() {
		Composite parent = getFieldEditorParent();
		addField(new StringFieldEditor(WebBuilderConnection.URL, Messages.WebBuilderPreferencePage_url, parent) {
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
		signIn.setText(Messages.WebBuilderPreferencePage_signIn);
		signIn.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
		signIn.addListener(SWT.Selection, e -> {
			new SignInDialog(getShell(), WebBuilderConnection.getDefault(), null).open();
			updateSignInState();
		});
		updateSignInState();

		addField(new BooleanFieldEditor(WebBuilderConnection.UPLOAD_RESULTS,
				Messages.WebBuilderPreferencePage_upload, parent));
		Label pending = new Label(parent, SWT.WRAP);
		pending.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		pending.setText(pendingUploads());

		Label paths = new Label(parent, SWT.WRAP);
		paths.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		paths.setText("\n" + Messages.WebBuilderPreferencePage_endpointPaths); //$NON-NLS-1$
		for (WebBuilderEndpoints.Endpoint endpoint : WebBuilderEndpoints.Endpoint.values()) {
			StringFieldEditor path = new StringFieldEditor(WebBuilderConnection.PATH_PREFIX + endpoint.key(),
					endpoint.key() + ":", parent) { //$NON-NLS-1$
				@Override
				protected boolean doCheckState() {
					String value = getStringValue().trim();
					if (value.isEmpty()) {
						return true;
					}
					try {
						@SuppressWarnings("unused") // the constructor checks the path
						WebBuilderEndpoints checked = new WebBuilderEndpoints(URI.create("https://host"), //$NON-NLS-1$
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
			signInState.setText(WebBuilderConnection.getDefault().hasToken() ? Messages.WebBuilderPreferencePage_signedIn
					: Messages.WebBuilderPreferencePage_notSignedIn);
		}
	}

	private static String pendingUploads() {
		try {
			int count = WebBuilderConnection.getDefault().getUploadQueue().pending().size();
			int dead = WebBuilderConnection.getDefault().getUploadQueue().dead().size();
			var problem = RunUploader.getDefault().getLastProblem();
			String waiting = count == 0 ? Messages.WebBuilderPreferencePage_noneWaiting
					: problem == null ? NLS.bind(Messages.WebBuilderPreferencePage_waiting, count)
							: NLS.bind(Messages.WebBuilderPreferencePage_waitingProblem, count, problem.getMessage());
			return dead == 0 ? waiting : NLS.bind(Messages.WebBuilderPreferencePage_refused, waiting, dead);
		} catch (IOException e) {
			return NLS.bind(Messages.WebBuilderPreferencePage_cannotReadQueue, e.getMessage());
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
