/**
 * Previews: a small raster image (thumbnail) per file, made in the background from the
 * encrypted store for images, the first page of PDFs and the start of text files, kept
 * encrypted in the blob store like file content, and served at
 * {@code /api/v1/files/{id}/preview} under the same checks and audit as a download. SVG
 * and HTML are never rendered.
 */
@ApplicationModule(displayName = "Previews",
		allowedDependencies = { "audit", "auth", "files", "jobs", "storage", "upload" })
package dev.ferry.preview;

import org.springframework.modulith.ApplicationModule;
