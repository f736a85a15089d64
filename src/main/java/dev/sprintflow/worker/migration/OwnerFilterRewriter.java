package dev.sprintflow.worker.migration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectVisitorAdapter;

/**
 * Turns owner filters into tenant filters inside policy expressions and view queries:
 * {@code user_id = auth.uid()} (either way round, qualified or not, also inside sub-queries)
 * becomes {@code agency_id = <tenant expression>} when the column belongs to a tenant-ised table.
 * Columns are resolved the way SQL scopes them: qualifier = alias or table name of an enclosing
 * FROM; unqualified = a tenant-ised table of the innermost FROM (or the policy's own table).
 */
final class OwnerFilterRewriter {

  /** How many owner filters were rewritten, and how many owner references were left as they were. */
  record Outcome(Expression expression, int rewritten, int leftOver) {
    boolean changed() {
      return rewritten > 0;
    }
  }

  private final String owner;
  private final String tenant;
  private final String tenantExpression;
  private final PortSettings.PolicyMode mode;
  private final Predicate<TableRef> tenantised;

  /** @param tenantExpression may be null: rewriting then fails with {@link MissingTenantExpressionException} */
  OwnerFilterRewriter(String owner, String tenant, String tenantExpression, PortSettings.PolicyMode mode,
      Predicate<TableRef> tenantised) {
    this.owner = owner;
    this.tenant = tenant;
    this.tenantExpression = tenantExpression;
    this.mode = mode;
    this.tenantised = tenantised;
  }

  /** Rewrites a policy's USING or WITH CHECK expression; the policy's table is the outer scope. */
  Outcome rewrite(Expression expression, Table policyTable) throws JSQLParserException {
    if (expression == null) {
      return new Outcome(null, 0, 0);
    }
    Expression original = mode == PortSettings.PolicyMode.TENANT_AND_OWNER
        ? CCJSqlParserUtil.parseCondExpression(expression.toString()) : null;
    Walker rewriter = new Walker(true);
    rewriter.scopes.push(List.of(policyTable));
    expression.accept(rewriter.expressions, null);
    Walker counter = new Walker(false);
    counter.scopes.push(List.of(policyTable));
    expression.accept(counter.expressions, null);
    Expression result = expression;
    if (original != null && rewriter.rewritten > 0) {
      result = CCJSqlParserUtil.parseCondExpression("(" + expression + ") AND (" + original + ")");
    }
    return new Outcome(result, rewriter.rewritten, counter.leftOver);
  }

  /** Rewrites the filters of a view's query in place. */
  Outcome rewrite(Select select) {
    Walker rewriter = new Walker(true);
    select.accept(rewriter.selects, null);
    Walker counter = new Walker(false);
    select.accept(counter.selects, null);
    return new Outcome(null, rewriter.rewritten, counter.leftOver);
  }

  /** Thrown when an owner filter must be rewritten but no tenant expression was given. */
  static final class MissingTenantExpressionException extends RuntimeException {
    MissingTenantExpressionException(String filter) {
      super(filter);
    }
  }

  /** One pass over an expression tree: either rewriting owner filters or counting what is left. */
  private final class Walker {
    final boolean rewriting;
    final Deque<List<FromItem>> scopes = new ArrayDeque<>();
    int rewritten;
    int leftOver;
    final ExpressionVisitorAdapter<Void> expressions;
    final SelectVisitorAdapter<Void> selects;

    Walker(boolean rewriting) {
      this.rewriting = rewriting;
      this.expressions = new ExpressionVisitorAdapter<>(null) {
        @Override
        public <S> Void visit(EqualsTo equalsTo, S context) {
          if (rewriting && (rewriteSide(equalsTo, true) || rewriteSide(equalsTo, false))) {
            return null; // the new sides are ours: do not descend into the tenant expression
          }
          return super.visit(equalsTo, context);
        }

        @Override
        public <S> Void visit(Column column, S context) {
          if (!rewriting && isTenantOwnerColumn(column)) {
            leftOver++;
          }
          return super.visit(column, context);
        }
      };
      this.selects = new SelectVisitorAdapter<>(expressions) {
        @Override
        public <S> Void visit(PlainSelect select, S context) {
          List<FromItem> scope = new ArrayList<>();
          if (select.getFromItem() != null) {
            scope.add(select.getFromItem());
          }
          for (Join join : select.getJoins() == null ? List.<Join>of() : select.getJoins()) {
            scope.add(join.getFromItem());
          }
          scopes.push(scope);
          try {
            return super.visit(select, context);
          } finally {
            scopes.pop();
          }
        }
      };
      expressions.setSelectVisitor(selects);
    }

    private boolean rewriteSide(EqualsTo equalsTo, boolean left) {
      Expression side = left ? equalsTo.getLeftExpression() : equalsTo.getRightExpression();
      Expression other = left ? equalsTo.getRightExpression() : equalsTo.getLeftExpression();
      if (!(side instanceof Column column) || !isTenantOwnerColumn(column) || mentionsOwner(other)) {
        return false;
      }
      if (tenantExpression == null) {
        throw new MissingTenantExpressionException(equalsTo.toString());
      }
      Expression replacement;
      try {
        replacement = CCJSqlParserUtil.parseExpression(tenantExpression);
      } catch (JSQLParserException e) {
        throw new IllegalStateException("tenantExpression was validated but no longer parses", e);
      }
      column.setColumnName(tenant);
      if (left) {
        equalsTo.setRightExpression(replacement);
      } else {
        equalsTo.setLeftExpression(replacement);
      }
      rewritten++;
      return true;
    }

    private boolean mentionsOwner(Expression expression) {
      return expression.toString().toLowerCase(Locale.ROOT).matches("(?s).*\\b" + owner + "\\b.*");
    }

    private boolean isTenantOwnerColumn(Column column) {
      if (!TableRef.fold(column.getColumnName()).equals(owner)) {
        return false;
      }
      TableRef table = resolve(column);
      return table != null && tenantised.test(table);
    }

    /** The table a column belongs to, as far as the enclosing FROM clauses tell. */
    private TableRef resolve(Column column) {
      Table qualifier = column.getTable();
      if (qualifier != null && qualifier.getName() != null) {
        String q = TableRef.fold(qualifier.getName());
        for (List<FromItem> scope : scopes) { // innermost first
          for (FromItem item : scope) {
            if (item instanceof Table t && named(t, q)) {
              return TableRef.of(t);
            }
          }
        }
        return TableRef.of(qualifier); // e.g. brand_cartridges.user_id without a FROM (policies)
      }
      List<FromItem> innermost = scopes.isEmpty() ? List.of() : scopes.peek();
      List<TableRef> candidates = innermost.stream()
          .filter(Table.class::isInstance).map(i -> TableRef.of((Table) i)).toList();
      if (candidates.size() == 1) {
        return candidates.getFirst();
      }
      List<TableRef> tenantTables = candidates.stream().filter(tenantised).toList();
      return tenantTables.size() == 1 ? tenantTables.getFirst() : null;
    }

    private static boolean named(Table table, String qualifier) {
      Alias alias = table.getAlias();
      return alias != null ? TableRef.fold(alias.getName()).equals(qualifier) : TableRef.fold(table.getName()).equals(qualifier);
    }
  }
}
