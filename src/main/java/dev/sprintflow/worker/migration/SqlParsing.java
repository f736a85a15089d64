package dev.sprintflow.worker.migration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * JSqlParser runs every parse on an executor to enforce its time limit, and by default starts a
 * new thread per statement. A shared pool of daemon threads avoids that; it roughly halved the
 * time of a 2,000-statement dry run (docs/benchmarks.md, "Migration port").
 */
final class SqlParsing {

  private static final ExecutorService PARSER_THREADS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sprintflow-sql-parser");
    t.setDaemon(true);
    return t;
  });

  private SqlParsing() {}

  static Statement parse(String sql) throws JSQLParserException {
    return CCJSqlParserUtil.parse(sql, PARSER_THREADS, parser -> {});
  }
}
