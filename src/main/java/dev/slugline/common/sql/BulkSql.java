package dev.slugline.common.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import org.hibernate.Session;

import java.lang.reflect.Field;
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
     * {@code count} new ids for {@code entity} from the sequence its {@code @Id} names in its {@code @SequenceGenerator},
     * taken as Hibernate's pooled-lo optimizer takes them (set in application.properties): each {@code nextval} is the
     * first of {@code allocationSize} ids that belong to the caller alone. Ids handed out here and ids Hibernate
     * hands out for persisted entities therefore never collide. One statement, whatever the count.
     */
    public static Long[] newIds(EntityManager em, Class<?> entity, int count) {
        if (count == 0) {
            return new Long[0];
        }
        SequenceGenerator sequence = sequenceOf(entity);
        int block = sequence.allocationSize();
        List<Long> firsts = query(em, "select nextval(?) from generate_series(1, ?)", row -> row.getLong(1),
                sequence.sequenceName(), (count + block - 1) / block);
        Long[] ids = new Long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = firsts.get(i / block) + i % block;
        }
        return ids;
    }

    private static SequenceGenerator sequenceOf(Class<?> entity) {
        for (Field field : entity.getDeclaredFields()) {
            SequenceGenerator sequence = field.getAnnotation(SequenceGenerator.class);
            if (sequence != null && field.isAnnotationPresent(Id.class)) {
                return sequence;
            }
        }
        throw new IllegalArgumentException(entity.getSimpleName() + " has no @Id with a @SequenceGenerator");
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
