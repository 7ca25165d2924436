/**
 * Persistent, cluster-safe background jobs on db-scheduler: the {@code scheduled_tasks}
 * table holds every execution, and a node runs one only after claiming it with a
 * conditional update, so a job runs once per schedule however many nodes poll. Modules
 * declare {@link dev.ferry.jobs.RecurringJob} and {@link dev.ferry.jobs.OneTimeJob} beans
 * and queue one-time work through {@link dev.ferry.jobs.Jobs}.
 */
@ApplicationModule(allowedDependencies = {})
package dev.ferry.jobs;

import org.springframework.modulith.ApplicationModule;
