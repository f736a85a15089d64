package dev.sprintflow.worker.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.worker.rbac.Exchange.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseClassifierTest {

  static final HttpCall CALL = new HttpCall("GET", "/api/clients/c-1", null, List.of());
  final ResponseClassifier classifier = new ResponseClassifier(List.of(401, 403, 404));

  @ParameterizedTest
  @CsvSource({"200, ALLOW", "201, ALLOW", "204, ALLOW", "299, ALLOW", "401, DENY", "403, DENY", "404, DENY",
      "302, ERROR", "400, ERROR", "405, ERROR", "409, ERROR", "422, ERROR", "500, ERROR", "503, ERROR"})
  void classifiesStatuses(int status, Access access) {
    assertThat(classifier.classify(answered(status, null))).isEqualTo(access);
  }

  @Test
  void errorCellsSayWhy() {
    assertThat(classifier.errorReason(answered(500, null))).startsWith("HTTP 500: the target failed");
    assertThat(classifier.errorReason(answered(302, "/login"))).contains("redirect (to /login)").contains("not followed");
    assertThat(classifier.errorReason(answered(409, null))).contains("neither success nor a deny status [401, 403, 404]");
    assertThat(classifier.errorReason(answered(403, null))).isNull();
  }

  @Test
  void noAnswerIsAnErrorNeverADeny() {
    Exchange timeout = Exchange.failed(CALL, Failure.TIMEOUT, "timeout after 1000 ms", 1000);
    assertThat(classifier.classify(timeout)).isEqualTo(Access.ERROR);
    assertThat(classifier.errorReason(timeout)).isEqualTo("timeout after 1000 ms");
    assertThat(classifier.classify(Exchange.notSent(CALL, "not sent: could not sign in"))).isEqualTo(Access.ERROR);
  }

  @Test
  void denyStatusesAreConfigurable() {
    ResponseClassifier strict = new ResponseClassifier(List.of(403));
    assertThat(strict.classify(answered(404, null))).isEqualTo(Access.ERROR);
    assertThat(strict.classify(answered(403, null))).isEqualTo(Access.DENY);
  }

  static Exchange answered(int status, String location) {
    return new Exchange(CALL, status, "", location, null, null, 3);
  }
}
