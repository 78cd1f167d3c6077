package dev.slugline.security;

import dev.slugline.common.errors.ConflictException;
import dev.slugline.common.errors.InvalidInputException;
import dev.slugline.common.errors.NoSuchItemException;
import dev.slugline.common.time.StorableDates;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Accounts and API tokens: who may log in, and with what role. */
@ApplicationScoped
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The bcrypt cost of every password stored, and of the stand-in hash unknown names are checked against. */
    static final int BCRYPT_COST = 10;

    private final ApiUserRepository users;
    private final ApiTokenRepository tokens;
    private final SecurityConfig config;
    private final CurrentEditor current;
    /**
     * A hash of a random secret nobody knows, made like a real one: what a login for an unknown name is checked
     * against. Made on the first login (a bcrypt hash is about a tenth of the start's work otherwise).
     */
    private volatile String unknownUserHash;

    public AccountService(ApiUserRepository users, ApiTokenRepository tokens, SecurityConfig config,
                          CurrentEditor current) {
        this.users = users;
        this.tokens = tokens;
        this.config = config;
        this.current = current;
    }

    public record TokenOwner(long tokenId, String username, String role, boolean readOnly) {
    }

    /** Who logged in with a password. */
    public record Login(String username, String role) {
    }

    private record StoredLogin(String username, String hash, String role) {
    }

    /**
     * The account whose password this is, or empty. The work is the same whether or not the name exists: one
     * lookup, then one bcrypt check, against the user's hash or, for an unknown name, against a stand-in hash of
     * the same cost; so the time a failed login takes does not tell which names exist.
     */
    public Optional<Login> login(String username, String password) {
        // Before the lookup: the first login makes the stand-in whichever name it names
        String standIn = unknownUserHash();
        Optional<StoredLogin> stored = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(username)
                .map(u -> new StoredLogin(u.username, u.password, u.role)));
        boolean matches = passwordMatches(password, stored.map(StoredLogin::hash).orElse(standIn));
        return stored.filter(s -> matches).map(s -> new Login(s.username(), s.role()));
    }

    /** The stand-in hash, made on the first call; also for tests that compare it with stored ones. */
    String unknownUserHash() {
        String made = unknownUserHash;
        if (made == null) {
            synchronized (this) {
                made = unknownUserHash;
                if (made == null) {
                    byte[] secret = new byte[32];
                    RANDOM.nextBytes(secret);
                    made = hash(Base64.getEncoder().encodeToString(secret));
                    unknownUserHash = made;
                }
            }
        }
        return made;
    }

    private static boolean passwordMatches(String password, String hash) {
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException e) {
            Log.warnf("A stored password is not a bcrypt hash (%s); the login is refused", e.getClass().getSimpleName());
            return false;
        }
    }

    private static String hash(String password) {
        return BcryptUtil.bcryptHash(password, BCRYPT_COST);
    }

    @Transactional
    public UserView createUser(UserCreate input) {
        requireStrong("password", input.password());
        if (users.findByUsername(input.username()).isPresent()) {
            throw new ConflictException("username", "A user named '" + input.username() + "' already exists");
        }
        ApiUser user = new ApiUser();
        user.username = input.username();
        user.password = hash(input.password());
        user.role = input.role();
        user.createdAt = now();
        users.persist(user);
        users.flush();
        Log.debugf("Created user %s (%s)", user.username, user.role);
        return UserView.from(user);
    }

    @Transactional
    public boolean anyAdmin() {
        return users.anyAdmin();
    }

    public List<UserView> listUsers() {
        return users.listAll().stream().map(UserView::from).toList();
    }

    @Transactional
    public void deleteUser(String username) {
        ApiUser user = users.findByUsername(username).orElseThrow(() -> new NoSuchItemException("No user named '" + username + "'"));
        if (user.username.equals(current.username())) {
            throw new ConflictException("username", "You cannot delete your own account");
        }
        users.delete(user);
    }

    /** The first admin from configuration, when no user of that name exists yet. Safe to run on several instances. */
    @Transactional
    public boolean createFirstAdmin(String username, String password) {
        if (users.existsByUsername(username)) {
            return false;
        }
        users.getEntityManager().createNativeQuery("""
                insert into api_user (id, username, password, role, created_at)
                values (nextval('api_user_seq'), :username, :password, 'admin', now())
                on conflict (username) do nothing
                """)
                .setParameter("username", username)
                .setParameter("password", hash(password))
                .executeUpdate();
        return true;
    }

    @Transactional
    public TokenCreated createToken(TokenCreate input) {
        StorableDates.require("expiresAt", input.expiresAt());
        if (input.expiresAt() != null && !input.expiresAt().isAfter(OffsetDateTime.now())) {
            throw new InvalidInputException("expiresAt", "must be in the future");
        }
        ApiUser owner = users.findByUsername(current.username())
                .orElseThrow(() -> new ForbiddenException("Tokens are made by users"));
        if (current.isTokenLogin()) {
            throw new ForbiddenException("A token cannot make tokens; log in with a password");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "slg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken entity = new ApiToken();
        entity.user = owner;
        entity.name = input.name().strip();
        entity.tokenHash = sha256(token);
        entity.readOnly = Boolean.TRUE.equals(input.readOnly());
        entity.expiresAt = input.expiresAt();
        entity.createdAt = now();
        tokens.persist(entity);
        tokens.flush();
        return new TokenCreated(entity.id, entity.name, token, entity.readOnly, entity.expiresAt);
    }

    /** The caller's tokens; an admin sees everyone's. */
    public List<TokenView> listTokens() {
        List<ApiToken> list = current.isAdmin() ? tokens.listEvery() : tokens.listOf(current.username());
        return list.stream().map(TokenView::from).toList();
    }

    @Transactional
    public void revokeToken(long id) {
        ApiToken token = tokens.findByIdOptional(id)
                .filter(t -> current.isAdmin() || t.user.username.equals(current.username()))
                .orElseThrow(() -> new NoSuchItemException("No token " + id));
        if (token.revokedAt == null) {
            token.revokedAt = now();
        }
    }

    @Transactional
    public Optional<TokenOwner> tokenOwner(String token) {
        return tokens.findUsable(sha256(token))
                .map(t -> new TokenOwner(t.id, t.user.username, t.user.role, t.readOnly));
    }

    /** Refuses passwords that are short, or one character repeated, or found in a small list of common ones. */
    public void requireStrong(String field, String password) {
        String weakness = weakness(password, config.minPasswordLength());
        if (weakness != null) {
            throw new InvalidInputException(field, weakness);
        }
    }

    static String weakness(String password, int minLength) {
        if (password == null || password.length() < minLength) {
            return "must have at least " + minLength + " characters";
        }
        if (password.chars().distinct().count() < 4) {
            return "must not be made of so few different characters";
        }
        String lower = password.toLowerCase();
        for (String common : List.of("password", "123456", "qwerty", "letmein", "admin", "changeme", "slugline", "welcome")) {
            if (lower.contains(common)) {
                return "must not contain a common word such as '" + common + "'";
            }
        }
        return null;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
