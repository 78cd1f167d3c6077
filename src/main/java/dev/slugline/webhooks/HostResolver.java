package dev.slugline.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Name resolution for webhook targets, in one place: {@link TargetGuard} resolves a host once, checks every address,
 * and the delivery connects to the address it checked, so DNS cannot answer differently in between.
 */
@ApplicationScoped
public class HostResolver {

    /** Every address of the host (a literal address is returned as it is, without DNS). */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
