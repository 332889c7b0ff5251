package app.ecommerce.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A burst of logins queues and completes (API.md §3.2): password checks wait in a bounded queue
 * (LOGIN_QUEUE) instead of being refused, and only beyond the queue is a login refused, with 429
 * and Retry-After, never 503. Argon2 runs at its production cost here so that checks take tens of
 * milliseconds and a burst really queues.
 */
abstract class LoginBurstTest extends EngineTest {

  @Override
  protected Map<String, String> settings() {
    return Map.of("ARGON2_MEMORY_KIB", "19456", "ARGON2_ITERATIONS", "2");
  }

  private static List<Api.Response> burst(Api api, int n, String email, String password) {
    List<CompletableFuture<Api.Response>> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(api.post("login_user").json(new JsonObject().put("email", email).put("password", password))
          .sendAsync());
    }
    return sent.stream().map(CompletableFuture::join).toList();
  }

  @Test
  void twoHundredConcurrentCorrectLoginsAllGetIn() {
    TestServer.Customer customer = server.newCustomer("UTC");
    List<Api.Response> answers = burst(api, 200, customer.email(), customer.password());
    assertEquals(Map.of(200, 200), Api.statuses(answers));
    assertEquals(200, answers.stream().map(r -> r.data().getString("access_token")).distinct().count(),
        "a token of its own for each");
  }

  @Test
  void beyondTheLoginQueueALoginIsRefusedWith429AndRetryAfterNever503() {
    try (TestServer small = TestServer.start(newDatabase(), Map.of("LOGIN_QUEUE", "2",
        "ARGON2_MEMORY_KIB", "19456", "ARGON2_ITERATIONS", "2"))) {
      TestServer.Customer customer = small.newCustomer("UTC");
      List<Api.Response> answers = burst(small.api(), 60, customer.email(), customer.password());
      Map<Integer, Integer> counts = Api.statuses(answers);
      assertEquals(60, counts.getOrDefault(200, 0) + counts.getOrDefault(429, 0), counts::toString);
      assertTrue(counts.getOrDefault(200, 0) >= 2, counts::toString);
      assertTrue(counts.getOrDefault(429, 0) > 0, () -> "a queue of 2 cannot hold a burst of 60: " + counts);
      for (Api.Response r : answers) {
        if (r.status() == 429) {
          assertTrue(Long.parseLong(r.header("Retry-After")) >= 1, r::toString);
          assertEquals(new JsonObject(), r.data());
        }
      }
      assertEquals(200, small.api().post("login_user").json(new JsonObject().put("email", customer.email())
          .put("password", customer.password())).send().status(), "the queue drains");
    }
  }
}
