#!/usr/bin/env bash
# The freeze drill of issue 24: a MariaDB of the test's own, frozen (SIGSTOP) for 20 s under 20
# purchases a second, half with an Idempotency-Key; prints how many purchases got 200, 503 and 504
# and how many of each were committed 30 s after SIGCONT. It also holds a COMMIT packet past its
# deadline (the 504 path). Never touches the shared MariaDB on 3306. About two minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
export MYSQL_TEST_URL=${MYSQL_TEST_URL:-mysql://root@127.0.0.1:3306/test}
mvn -B -q test -Dtest=WriteOutcomeMariaDbTest -Dsurefire.failIfNoSpecifiedTests=false
cat target/freeze-drill.txt
