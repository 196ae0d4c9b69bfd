package org.qontinui.runner.core.load;

import java.util.Optional;

/**
 * Where the web builder sign-in token lives. Implementations must never put the token into
 * {@code toString()}, log output or exception messages.
 */
public interface TokenStore {

	/** The stored token, or empty when not signed in. */
	Optional<String> read();

	void write(String token);

	void clear();
}
