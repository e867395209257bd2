package dev.migrationgate.check;

import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.report.Finding;
import java.util.List;

/**
 * One concern's rules as a pure function from what the application requires and what the database
 * has to the problems found: no I/O, no state, the same answer for the same inputs. Findings come
 * without a stage; the engine stamps it.
 */
public interface Check {

    /** The problems of this concern, in a stable order; empty when the database fits the application. */
    List<Finding> check(Expectations expectations, CatalogSnapshot snapshot);
}
