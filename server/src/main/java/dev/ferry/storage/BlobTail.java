package dev.ferry.storage;

/**
 * Where a blob ends: its plaintext length, how many parts it has and how long the last
 * one is (0 when it has none).
 */
public record BlobTail(long length, int partCount, long lastPartLength) {
}
