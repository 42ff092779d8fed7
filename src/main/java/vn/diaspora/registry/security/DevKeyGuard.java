package vn.diaspora.registry.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The dev keys in the repository are public: anyone can mint tokens for the dev key pair under
 * deploy/dev/, and anyone can read contacts sealed with the dev encryption key of the dev and
 * test profiles; the portal's dev sign-in (portal/DevSession) lets anyone be any officer; and
 * webhooks to http or private targets open the service to request forgery. A
 * production start that uses any of them refuses to run.
 */
public class DevKeyGuard {
    static final String DEV_PUBLIC_KEY_RESOURCE = "/dev-only/dev-public-key.pem";

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        refuse(ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.public-key", String.class).orElse(""));
        refuseEncryptionKey(ConfigProvider.getConfig().getOptionalValue("registry.encryption.key", String.class).orElse(""));
        if (ConfigProvider.getConfig().getOptionalValue("registry.portal.dev-sign-in", Boolean.class).orElse(false)) {
            throw new IllegalStateException("registry.portal.dev-sign-in lets anyone sign in to the portal as any officer: "
                    + "it is for quarkus:dev and tests only; the portal signs in with OpenID Connect in prod");
        }
        if (ConfigProvider.getConfig().getOptionalValue("registry.webhooks.allow-insecure-targets", Boolean.class).orElse(false)) {
            throw new IllegalStateException("registry.webhooks.allow-insecure-targets lets webhooks post over http "
                    + "and to loopback and private addresses: it is for quarkus:dev and tests only");
        }
    }

    /** Throws when {@code configuredKey} is the dev profile's encryption key. */
    public static void refuseEncryptionKey(String configuredKey) {
        String devKey = ConfigProvider.getConfig().getOptionalValue("%dev.registry.encryption.key", String.class).orElse("");
        if (!configuredKey.isBlank() && configuredKey.strip().equals(devKey.strip())) {
            throw new IllegalStateException("registry.encryption.key is the dev-only key of application.properties: "
                    + "set REGISTRY_ENCRYPTION_KEY from the secret store");
        }
    }

    /** Throws when {@code configuredKey} is the dev key. */
    public static void refuse(String configuredKey) {
        if (!configuredKey.isBlank() && strip(configuredKey).equals(strip(devPublicKey()))) {
            throw new IllegalStateException("quarkus.oidc.public-key is the dev-only key of deploy/dev/: "
                    + "configure the identity provider (QUARKUS_OIDC_AUTH_SERVER_URL) or a production key");
        }
    }

    public static String devPublicKeyForTests() {
        return devPublicKey();
    }

    static String devPublicKey() {
        try (InputStream in = DevKeyGuard.class.getResourceAsStream(DEV_PUBLIC_KEY_RESOURCE)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String strip(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
