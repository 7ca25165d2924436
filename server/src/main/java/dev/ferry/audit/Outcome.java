package dev.ferry.audit;

public enum Outcome {

	SUCCESS, FAILURE, DENIED

}
