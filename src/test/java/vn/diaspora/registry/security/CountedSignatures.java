package vn.diaspora.registry.security;

import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JCA provider placed first for SHA256withRSA that counts signature verifications and hands
 * the work to the JDK's own: how a test proves a bearer token is verified once, not per request.
 */
public final class CountedSignatures extends Provider {
    static final AtomicInteger VERIFIED = new AtomicInteger();

    private CountedSignatures() {
        super("CountedSignatures", "1.0", "counts RSA signature verifications");
        put("Signature.SHA256withRSA", Counting.class.getName());
    }

    /** Installs the counter once for this JVM. */
    static synchronized void install() {
        if (Security.getProvider("CountedSignatures") == null) {
            Security.insertProviderAt(new CountedSignatures(), 1);
        }
    }

    public static final class Counting extends SignatureSpi {
        private final Signature jdk;

        public Counting() throws NoSuchAlgorithmException, NoSuchProviderException {
            jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        }

        @Override
        protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
            jdk.initVerify(key);
        }

        @Override
        protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
            jdk.initSign(key);
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            jdk.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            jdk.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            return jdk.sign();
        }

        @Override
        protected boolean engineVerify(byte[] signature) throws SignatureException {
            VERIFIED.incrementAndGet();
            return jdk.verify(signature);
        }

        @Override
        @SuppressWarnings("deprecation")
        protected void engineSetParameter(String param, Object value) throws InvalidParameterException {
            throw new InvalidParameterException(param);
        }

        @Override
        @SuppressWarnings("deprecation")
        protected Object engineGetParameter(String param) throws InvalidParameterException {
            throw new InvalidParameterException(param);
        }
    }
}
