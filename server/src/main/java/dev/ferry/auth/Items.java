package dev.ferry.auth;

import java.util.List;

/** A complete (unpaged) list, wrapped so fields can be added without breaking clients. */
public record Items<T>(List<T> items) {
}
