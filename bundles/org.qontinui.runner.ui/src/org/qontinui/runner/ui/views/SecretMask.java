package org.qontinui.runner.ui.views;

import java.util.regex.Pattern;

import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.qontinui.runner.ui.preferences.QontinuiPreferencePage;

/** Hides secrets in text shown or exported: bearer tokens, and the stored web builder token. */
final class SecretMask {

	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
	private static final String MASK = "********";
	private static volatile String token;
	private static volatile boolean tokenRead;

	private SecretMask() {
	}

	static String mask(String text) {
		if (text == null) {
			return "";
		}
		String masked = BEARER.matcher(text).replaceAll("$1" + MASK);
		String secret = storedToken();
		if (secret != null && secret.length() >= 6) {
			masked = masked.replace(secret, MASK);
		}
		return masked;
	}

	private static String storedToken() {
		if (!tokenRead) {
			tokenRead = true;
			try {
				token = SecurePreferencesFactory.getDefault().node(QontinuiPreferencePage.SECURE_NODE)
						.get(QontinuiPreferencePage.SECURE_TOKEN_KEY, null);
			} catch (Exception e) {
				token = null;
			}
		}
		return token;
	}
}
