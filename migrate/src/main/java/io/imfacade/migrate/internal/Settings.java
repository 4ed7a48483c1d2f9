package io.imfacade.migrate.internal;

import io.imfacade.ImClient;
import io.imfacade.migrate.Migration;
import io.imfacade.migrate.MigrationListener;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Everything a run is configured with, checked by {@link Migration.Builder}. Internal.
 *
 * @param mode export, import or migrate
 * @param source the source client (export, migrate)
 * @param target the target client (import, migrate)
 * @param dump the dump file (export: written; import: read)
 * @param users the user ids (export, migrate)
 * @param groups the source group ids (export, migrate)
 * @param checkpoint the checkpoint file, null for a dry run
 * @param failures the failures file
 * @param resume whether to continue the checkpoint's run
 * @param dryRun whether to write nothing
 * @param verify whether to read the target back at the end
 * @param parallelism records worked on at once
 * @param listener who follows the run
 */
public record Settings(Migration.Mode mode, @Nullable ImClient source, @Nullable ImClient target, @Nullable Path dump,
    Iterable<String> users, Iterable<String> groups, @Nullable Path checkpoint, Path failures, boolean resume,
    boolean dryRun, boolean verify, int parallelism, MigrationListener listener) {}
