package app.ecommerce.config;

/** A setting is missing or wrong; the message tells the operator which and how to fix it. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
