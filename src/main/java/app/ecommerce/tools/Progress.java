package app.ecommerce.tools;

import java.io.PrintStream;

/** A progress bar on a terminal, a line every 10% elsewhere (logs, CI). */
final class Progress {
  private final String label;
  private final long total;
  private final PrintStream out;
  private final boolean terminal = System.console() != null;
  private int lastShown = -1;

  Progress(String label, long total, PrintStream out) {
    this.label = label;
    this.total = Math.max(1, total);
    this.out = out;
  }

  void update(long done) {
    int percent = (int) (done * 100 / total);
    if (terminal) {
      if (percent != lastShown) {
        int filled = percent * 40 / 100;
        out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(40 - filled) + "] " + percent + "% "
            + done + "/" + total);
        out.flush();
      }
    } else if (percent / 10 != lastShown / 10 || done == total) {
      out.println(label + ": " + percent + "% (" + done + "/" + total + ")");
    }
    lastShown = percent;
  }

  void finish() {
    if (lastShown < 100) {
      update(total);
    }
    if (terminal) {
      out.println();
    }
  }
}
