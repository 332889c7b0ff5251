package app.ecommerce.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * {@code %escapedEx} of the text log format: the stack trace as logback writes it, one frame per
 * line, but with the control characters of every exception message escaped: a message can quote
 * what a client sent (a decoder's "invalid header" does).
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy thrown) {
    return super.throwableProxyToString(new Escaped(thrown));
  }

  /** The same throwable, its message and its causes' messages escaped. */
  private record Escaped(IThrowableProxy thrown) implements IThrowableProxy {
    @Override
    public String getMessage() {
      return ControlCharacters.escape(thrown.getMessage());
    }

    @Override
    public String getClassName() {
      return thrown.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return thrown.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return thrown.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return thrown.getCause() == null ? null : new Escaped(thrown.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = thrown.getSuppressed();
      if (suppressed == null) {
        return null;
      }
      IThrowableProxy[] escaped = new IThrowableProxy[suppressed.length];
      for (int i = 0; i < suppressed.length; i++) {
        escaped[i] = new Escaped(suppressed[i]);
      }
      return escaped;
    }

    @Override
    public boolean isCyclic() {
      return thrown.isCyclic();
    }
  }
}
