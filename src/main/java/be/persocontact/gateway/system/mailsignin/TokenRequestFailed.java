package be.persocontact.gateway.system.mailsignin;

/** A token request that did not give a token. Its message is safe to log: no secret, no token. */
public class TokenRequestFailed extends Exception {

	public TokenRequestFailed(String message) {
		super(message);
	}

	public TokenRequestFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
