package app.ecommerce.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %escapedMsg} of the text log format: the message with its control characters escaped
 * ({@link ControlCharacters}), so that nothing a client sends can break a line or drive the
 * terminal that shows the log. The JSON format gets the same from its encoder.
 */
public final class EscapedMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return ControlCharacters.escape(super.convert(event));
  }
}
