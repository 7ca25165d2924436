/**
 * Sharing: transfers, share links, upload requests, grants and groups. No other module
 * uses it; it is split into nested modules, each with its own controllers, repositories
 * and tables, package-private inside. This package holds only what they share: problems
 * ({@link dev.ferry.share.ShareException}), settings, paging cursors, public addresses
 * and email normalisation. Nested modules: {@code transfer} (the base), {@code link}
 * (share links, public shares, downloads and {@link dev.ferry.share.link.LinkUnlock}),
 * {@code request} (upload requests) and {@code grant} (grants and groups).
 */
@ApplicationModule(allowedDependencies = {})
package dev.ferry.share;

import org.springframework.modulith.ApplicationModule;
