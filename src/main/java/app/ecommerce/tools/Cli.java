package app.ecommerce.tools;

import app.ecommerce.config.AppConfig;
import app.ecommerce.db.DatabaseUrl;
import app.ecommerce.db.Migrations;
import java.io.PrintStream;
import java.nio.file.Path;

/** The command-line tools behind {@code run.sh} (everything but serving). */
public final class Cli {
  private Cli() {
  }

  /** @return the process exit code */
  public static int run(AppConfig config, String[] args) {
    PrintStream out = System.out;
    try {
      switch (args[0]) {
        case "demo-data":
          return demoData(config, args, out);
        case "smoke":
          return Smoke.run(args, out, System.err);
        case "import-legacy":
          return importLegacy(config, args, out);
        case "migrate":
          Migrations.migrate(DatabaseUrl.parse(config.databaseUrl()));
          return 0;
        default:
          System.err.println("Unknown command '" + args[0] + "'. Commands: serve (default), demo-data [--sales N] [--products N] [--yes], import-legacy FILE [--yes], migrate, smoke [URL]");
          return 2;
      }
    } catch (Exception e) {
      System.err.println(args[0] + " failed: " + e.getMessage());
      return 1;
    }
  }

  private static int importLegacy(AppConfig config, String[] args, PrintStream out) throws Exception {
    String file = null;
    boolean yes = false;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--yes")) {
        yes = true;
      } else if (file == null && !args[i].startsWith("--")) {
        file = args[i];
      } else {
        file = null;
        break;
      }
    }
    if (file == null) {
      System.err.println("Usage: import-legacy FILE [--yes]   (FILE: the original system's SQLite database)");
      return 2;
    }
    try {
      new LegacyImporter(config, out).importFrom(Path.of(file), yes);
      return 0;
    } catch (IllegalStateException refused) {
      System.err.println(refused.getMessage());
      return 3;
    }
  }

  private static int demoData(AppConfig config, String[] args, PrintStream out) throws Exception {
    int sales = DemoData.DEFAULT_SALES;
    int products = 0;
    boolean yes = false;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--sales") && i + 1 < args.length) {
        sales = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--products") && i + 1 < args.length) {
        products = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--yes")) {
        yes = true;
      } else {
        System.err.println("Usage: demo-data [--sales N] [--products N] [--yes]");
        return 2;
      }
    }
    if (sales < 0 || sales > 50_000_000) {
      System.err.println("--sales must be between 0 and 50000000");
      return 2;
    }
    if (products < 0 || products > 10_000_000) {
      System.err.println("--products must be between 0 and 10000000");
      return 2;
    }
    Migrations.migrate(DatabaseUrl.parse(config.databaseUrl()));
    DemoData demo = new DemoData(config, out);
    if (demo.hasData() && !yes) {
      System.err.println("The database " + config.redactedDatabaseUrl() + " already has products or sales. "
          + "demo-data replaces the catalog, stock and all sales: run it again with --yes to go ahead.");
      return 3;
    }
    demo.generate(sales, products);
    return 0;
  }
}
