package app.ecommerce.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.config.AppConfig;
import app.ecommerce.config.ConfigException;
import app.ecommerce.db.DatabaseUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the start-up line and configuration errors print never contains a password or a secret. */
class SecretsTest {

  @Test
  void theConfigurationPrintRedactsPasswordsAndOmitsSecrets() {
    AppConfig config = AppConfig.from(Map.of(
        "DATABASE_URL", "mysql://shop:s3cr@t!pass@db.internal:3306/shop",
        "JWT_SECRET", "a-jwt-secret-of-more-than-32-bytes-long!!",
        "ADMIN_EMAIL", "ops@example.com", "ADMIN_PASSWORD", "admin-password-123"));
    String printed = config.toString();
    assertTrue(printed.contains("mysql://shop:***@"), printed);
    for (String secret : new String[] {"s3cr", "t!pass", "a-jwt-secret", "admin-password-123"}) {
      assertFalse(printed.contains(secret), printed);
    }
  }

  @Test
  void anUnparsableDatabaseUrlIsReportedWithoutItsPassword() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> DatabaseUrl.parse("mysql://shop:has space secret@db:3306/shop"));
    assertFalse(e.getMessage().contains("space secret"), e.getMessage());
    assertTrue(e.getMessage().contains("mysql://shop:***@"), e.getMessage());
  }
}
