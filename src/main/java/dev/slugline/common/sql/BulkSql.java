package dev.slugline.common.sql;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Set-based writes for imports: one statement for many rows, with each column passed as one SQL array
 * ({@code insert ... select * from unnest(?, ?, ...)}), on the connection of the current transaction. Statement
 * triggers (content_version) fire once per statement, not once per row, and the rows cost one round trip.
 * Repositories use this for their bulk statements; it holds no SQL of its own.
 */
public final class BulkSql {

    private BulkSql() {
    }

    /** One row of a query: the columns as JDBC returns them. */
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code sql} with these parameters; a Java array ({@code Long[]}, {@code Integer[]}, {@code String[]},
     * {@code Boolean[]}) becomes an SQL array of {@code int8}, {@code int4}, {@code text} or {@code bool}, anything
     * else is bound as it is. Returns the number of rows changed.
     */
    public static int execute(EntityManager em, String sql, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs a query with parameters bound as by {@link #execute} and reads every row. */
    public static <T> List<T> query(EntityManager em, String sql, RowReader<T> reader, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                List<T> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(reader.read(result));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * {@code count} new ids for {@code entity} from its own Hibernate id generator (the sequence with its
     * allocation size), so ids written here never collide with ids Hibernate hands out for persisted entities.
     */
    public static Long[] newIds(EntityManager em, Class<?> entity, int count) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        BeforeExecutionGenerator generator = (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(entity).getGenerator();
        Long[] ids = new Long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = ((Number) generator.generate(session, null, null, EventType.INSERT)).longValue();
        }
        return ids;
    }

    private static void bind(Connection connection, PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Object[] array) {
                statement.setArray(i + 1, array(connection, array));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static Array array(Connection connection, Object[] values) throws SQLException {
        String type;
        if (values instanceof Long[]) {
            type = "int8";
        } else if (values instanceof Integer[]) {
            type = "int4";
        } else if (values instanceof Boolean[]) {
            type = "bool";
        } else if (values instanceof String[]) {
            type = "text";
        } else {
            throw new IllegalArgumentException("No SQL array type for " + values.getClass().getSimpleName());
        }
        return connection.createArrayOf(type, values);
    }
}
