package app.ecommerce.support;

import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;

/**
 * For a test that counts and checks answers as they arrive through a {@link VertxTestContext}
 * (its checkpoints), then goes on with checks that block, such as reading the database over JDBC
 * once every answer is in.
 */
public final class Answers {
  private Answers() {
  }

  /** Waits on the test thread until every checkpoint is flagged; rethrows the context's failure. */
  public static void await(VertxTestContext test) throws Throwable {
    if (!test.awaitCompletion(2, TimeUnit.MINUTES)) {
      throw new AssertionError("answers still missing after 2 minutes: " + test.unsatisfiedCheckpointCallSites());
    }
    if (test.failed()) {
      throw test.causeOfFailure();
    }
  }
}
