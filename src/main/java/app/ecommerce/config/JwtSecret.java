package app.ecommerce.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The HS256 key: {@code JWT_SECRET} when set, else a random one generated once into
 * {@code <DATA_DIR>/jwt.secret} (mode 0600) so that tokens survive restarts. Never logged.
 */
public final class JwtSecret {
  public static final int MIN_BYTES = 32;

  private JwtSecret() {
  }

  public static byte[] resolve(AppConfig config) {
    if (config.jwtSecret() != null) {
      byte[] bytes = config.jwtSecret().getBytes(StandardCharsets.UTF_8);
      if (bytes.length < MIN_BYTES) {
        throw new ConfigException("JWT_SECRET is " + bytes.length + " bytes; HS256 needs at least " + MIN_BYTES
            + ". Generate one with: openssl rand -base64 48");
      }
      return bytes;
    }
    Path file = Path.of(config.dataDir(), "jwt.secret");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        Path temp = Files.createTempFile(file.getParent(), "jwt", ".tmp");
        restrict(temp);
        Files.writeString(temp, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        try {
          Files.move(temp, file);
        } catch (FileAlreadyExistsException raced) {
          Files.deleteIfExists(temp);
        }
      }
      byte[] bytes = Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
      if (bytes.length < MIN_BYTES) {
        throw new ConfigException(file + " holds a secret shorter than " + MIN_BYTES + " bytes; delete it to regenerate");
      }
      return bytes;
    } catch (IOException e) {
      throw new ConfigException("Cannot read or create " + file.toAbsolutePath() + ": " + e.getMessage());
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      // not a POSIX file system: nothing finer to set
    }
  }
}
