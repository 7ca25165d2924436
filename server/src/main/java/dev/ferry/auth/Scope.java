package dev.ferry.auth;

/** Coarse permissions carried by a token or API key. */
public enum Scope {

	READ, WRITE, SHARE, ADMIN

}
