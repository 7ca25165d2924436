/**
 * Server-side messages in the shipped languages: the catalogues
 * {@code i18n/messages*.properties} read through ICU MessageFormat
 * ({@link dev.ferry.i18n.Messages}, the application's {@code MessageSource}) and the list
 * of languages an account, a recipient or an {@code Accept-Language} header may ask for
 * ({@link dev.ferry.i18n.Languages}).
 */
@ApplicationModule(displayName = "Server messages", allowedDependencies = {})
package dev.ferry.i18n;

import org.springframework.modulith.ApplicationModule;
