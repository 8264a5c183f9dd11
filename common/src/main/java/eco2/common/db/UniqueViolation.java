package eco2.common.db;

import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

/** Recognises PostgreSQL's unique_violation (23505) under a JDBI exception, and names the constraint. */
public final class UniqueViolation {
    private UniqueViolation() {}

    /** The violated constraint's name, or empty when the failure is something else. */
    public static Optional<String> constraint(UnableToExecuteStatementException e) {
        if (e.getCause() instanceof PSQLException psql && "23505".equals(psql.getSQLState())) {
            return Optional.of(
                    psql.getServerErrorMessage() == null
                            ? ""
                            : String.valueOf(psql.getServerErrorMessage().getConstraint()));
        }
        return Optional.empty();
    }
}
