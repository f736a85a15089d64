package dev.sprintflow.compiler.layout;

/** An axis-aligned rectangle in diagram coordinates (pixels, y down). */
public record Bounds(double x, double y, double width, double height) {

  public double right() {
    return x + width;
  }

  public double bottom() {
    return y + height;
  }

  public double centerX() {
    return x + width / 2;
  }

  public double centerY() {
    return y + height / 2;
  }

  public boolean overlaps(Bounds o) {
    return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
  }

  /** Whether the axis-parallel segment a-b passes through the inside of this rectangle. */
  public boolean crossedBy(Point a, Point b, double inset) {
    double minX = Math.min(a.x(), b.x()), maxX = Math.max(a.x(), b.x());
    double minY = Math.min(a.y(), b.y()), maxY = Math.max(a.y(), b.y());
    return minX < right() - inset && maxX > x + inset && minY < bottom() - inset && maxY > y + inset;
  }
}
