package dev.slugline.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HMAC keys every instance shares: made once, on first use, in the {@code signing_key} table (the first instance to
 * insert wins; the others read its key), so a link signed by one instance verifies on all of them.
 */
@ApplicationScoped
public class SigningKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public SigningKeys(EntityManager em) {
        this.em = em;
    }

    /** Base64url HMAC-SHA256 of {@code data} under the named key. */
    public String sign(String keyName, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(keyName), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String keyName, String data, String signature) {
        return MessageDigest.isEqual(sign(keyName, data).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key(String name) {
        return keys.computeIfAbsent(name, n -> QuarkusTransaction.requiringNew().call(() -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            em.createNativeQuery("insert into signing_key (name, secret, created_at) values (:name, :secret, now()) "
                            + "on conflict (name) do nothing")
                    .setParameter("name", n)
                    .setParameter("secret", Base64.getEncoder().encodeToString(fresh))
                    .executeUpdate();
            String stored = (String) em.createNativeQuery("select secret from signing_key where name = :name")
                    .setParameter("name", n).getSingleResult();
            return Base64.getDecoder().decode(stored);
        }));
    }
}
