package org.qontinui.runner.core.load;

import java.util.Optional;

/** A {@link TokenStore} that forgets on exit; for tests and headless runs. */
public final class InMemoryTokenStore implements TokenStore {

	private volatile String token;

	public InMemoryTokenStore() {
	}

	public InMemoryTokenStore(String token) {
		this.token = token;
	}

	@Override
	public Optional<String> read() {
		return Optional.ofNullable(token);
	}

	@Override
	public void write(String token) {
		this.token = token;
	}

	@Override
	public void clear() {
		token = null;
	}

	@Override
	public String toString() {
		return "InMemoryTokenStore[" + (token == null ? "empty" : "token set") + "]";
	}
}
