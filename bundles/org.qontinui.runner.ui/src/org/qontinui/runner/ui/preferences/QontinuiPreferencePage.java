/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.preferences;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.qontinui.runner.bridge.InterpreterCheck;
import org.qontinui.runner.core.secure.TokenFormat;
import org.qontinui.runner.core.secure.WebBuilderSignIn;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;

/**
 * Qontinui preferences: the interpreter (checked: it must import cv2 and numpy), the default
 * backend, screenshots on errors, log retention and the web builder. The web builder token goes to
 * Eclipse secure storage, never to the preference store.
 */
public class QontinuiPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** Secure storage node and key of the web builder token. */
	public static final String SECURE_NODE = "org.qontinui.runner/webbuilder"; //$NON-NLS-1$
	public static final String SECURE_TOKEN_KEY = "token"; //$NON-NLS-1$

	private FileFieldEditor python;
	private Text token;
	private boolean tokenEdited;

	public QontinuiPreferencePage() {
		super(GRID);
		setDescription(Messages.Preferences_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(QontinuiPreferences.store());
	}

	@Override
	protected void createFieldEditors() {
		python = new FileFieldEditor(QontinuiPreferences.PYTHON, Messages.Preferences_python, true,
				StringFieldEditor.VALIDATE_ON_KEY_STROKE, getFieldEditorParent()) {
			@Override
			protected boolean checkState() {
				if (!super.checkState()) {
					return false;
				}
				InterpreterCheck.Result result = InterpreterCheck.check(getStringValue());
				if (!result.ok()) {
					showErrorMessage(result.message());
					return false;
				}
				if (result.message() != null) {
					QontinuiPreferencePage.this.setMessage(result.message(), WARNING);
				}
				return true;
			}
		};
		python.setValidateStrategy(StringFieldEditor.VALIDATE_ON_FOCUS_LOST);
		addField(python);
		addField(new ComboFieldEditor(QontinuiPreferences.DEFAULT_BACKEND, Messages.Preferences_backend,
				new String[][] { { Messages.Preferences_backendX11, "x11" }, { Messages.Preferences_backendScreenshots, "screenshots" }, //$NON-NLS-1$//$NON-NLS-2$
						{ Messages.Preferences_backendMock, "mock" } }, //$NON-NLS-1$
				getFieldEditorParent()));
		addField(new BooleanFieldEditor(QontinuiPreferences.SCREENSHOT_ON_ERROR, Messages.Preferences_screenshotOnError,
				getFieldEditorParent()));
		IntegerFieldEditor retention = new IntegerFieldEditor(QontinuiPreferences.LOG_RETENTION_RUNS,
				Messages.Preferences_logRetention, getFieldEditorParent());
		retention.setValidRange(1, 10000);
		addField(retention);
		addField(new StringFieldEditor(QontinuiPreferences.WEB_BUILDER_URL, Messages.Preferences_webBuilderUrl, getFieldEditorParent()));

		Label label = new Label(getFieldEditorParent(), SWT.NONE);
		label.setText(Messages.Preferences_token);
		token = new Text(getFieldEditorParent(), SWT.BORDER | SWT.PASSWORD);
		token.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		token.setMessage(hasStoredToken() ? Messages.Preferences_tokenStored : Messages.Preferences_tokenNone);
		token.addModifyListener(e -> {
			tokenEdited = true;
			String problem = token.getText().isEmpty() ? null : TokenFormat.problem(token.getText());
			setErrorMessage(problem == null ? null : NLS.bind(Messages.Preferences_tokenProblem, problem));
		});
	}

	private static boolean hasStoredToken() {
		try {
			ISecurePreferences node = SecurePreferencesFactory.getDefault().node(SECURE_NODE);
			return node.get(SECURE_TOKEN_KEY, null) != null;
		} catch (StorageException | RuntimeException e) {
			return false;
		}
	}

	@Override
	public boolean performOk() {
		if (tokenEdited && token != null) {
			// Checked here, never echoed: a pasted line break or space would break every request.
			String problem = token.getText().isEmpty() ? null : TokenFormat.problem(token.getText());
			if (problem != null) {
				setErrorMessage(NLS.bind(Messages.Preferences_tokenNotSaved, problem));
				return false;
			}
			try {
				if (token.getText().isEmpty()) {
					WebBuilderSignIn.tokens().clear();
				} else {
					WebBuilderSignIn.tokens().write(token.getText());
				}
			} catch (RuntimeException e) {
				QontinuiUiPlugin.log("Cannot store the web builder token in secure storage", e); //$NON-NLS-1$
				setErrorMessage(NLS.bind(Messages.Preferences_cannotStoreToken, e.getMessage()));
				return false;
			}
		}
		return super.performOk();
	}
}
