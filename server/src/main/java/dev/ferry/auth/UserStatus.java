package dev.ferry.auth;

public enum UserStatus {

	ACTIVE, SUSPENDED

}
