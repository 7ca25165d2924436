/**
 * Watermarks: a visible line of text (who downloads, and when) stamped on every page of a
 * PDF and across raster images, for share links created with {@code watermark: true}.
 */
@ApplicationModule(displayName = "Watermarks", allowedDependencies = {})
package dev.ferry.watermark;

import org.springframework.modulith.ApplicationModule;
