package dev.ferry.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of audit records, newest first; {@code nextCursor} is null on the last page.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AuditPage(List<AuditItem> items, String nextCursor) {
}
