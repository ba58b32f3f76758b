package be.persocontact.gateway.system.mailsignin;

/** Where access tokens come from: one OAuth2 flow of one provider. */
public interface TokenSource {

	/**
	 * Asks the provider for a new token to sign in as {@code login}. Blocks for the round trip (bounded by
	 * timeouts); thrown messages name what went wrong and never carry a secret or a token.
	 */
	AccessToken fetch(String login) throws TokenRequestFailed;

	/** Whether the token depends on the login (Google's subject); otherwise one token serves every login. */
	default boolean perLogin() {
		return false;
	}

	/** What an operator reads in health and logs: the provider and the application, no secret. */
	String describe();

}
