package io.vask.bench.suite;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** A small line chart drawn with Java2D (headless) and written as PNG. */
final class LineChart {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 520;
  private static final int LEFT = 90;
  private static final int RIGHT = 200;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color[] COLORS = {
    new Color(0x1f77b4),
    new Color(0xd62728),
    new Color(0x2ca02c),
    new Color(0xff7f0e),
    new Color(0x9467bd),
    new Color(0x8c564b)
  };

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();

  /** One named line; points as {x, y}. */
  record Series(String name, boolean dashed, List<double[]> points) {}

  LineChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  LineChart add(String name, boolean dashed, List<double[]> points) {
    if (!points.isEmpty()) {
      series.add(new Series(name, dashed, points));
    }
    return this;
  }

  void write(Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double maxX = 0;
    double maxY = 0;
    for (Series s : series) {
      for (double[] p : s.points()) {
        maxX = Math.max(maxX, p[0]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    maxX = nice(maxX);
    maxY = nice(maxY);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.setColor(Color.BLACK);
    g.drawString(title, LEFT, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 5; i++) {
      int y = TOP + plotH - plotH * i / 5;
      int x = LEFT + plotW * i / 5;
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(LEFT, y, LEFT + plotW, y);
      g.drawLine(x, TOP, x, TOP + plotH);
      g.setColor(Color.DARK_GRAY);
      g.drawString(label(maxY * i / 5), 10, y + 4);
      g.drawString(label(maxX * i / 5), x - 15, TOP + plotH + 20);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    g.drawString(xLabel, LEFT + plotW / 2 - 60, HEIGHT - 15);
    g.drawString(yLabel, 10, TOP - 10);
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      Color color = COLORS[s % COLORS.length];
      g.setColor(color);
      g.setStroke(
          line.dashed()
              ? new BasicStroke(
                  2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f)
              : new BasicStroke(2.5f));
      int[] xs = new int[line.points().size()];
      int[] ys = new int[line.points().size()];
      for (int i = 0; i < xs.length; i++) {
        double[] p = line.points().get(i);
        xs[i] = LEFT + (int) (plotW * p[0] / maxX);
        ys[i] = TOP + plotH - (int) (plotH * p[1] / maxY);
        g.fillOval(xs[i] - 4, ys[i] - 4, 8, 8);
      }
      g.drawPolyline(xs, ys, xs.length);
      g.setStroke(new BasicStroke(2.5f));
      int ly = TOP + 20 + s * 22;
      g.drawLine(LEFT + plotW + 15, ly - 4, LEFT + plotW + 40, ly - 4);
      g.setColor(Color.BLACK);
      g.drawString(line.name(), LEFT + plotW + 45, ly);
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static double nice(double max) {
    if (max <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String label(double value) {
    if (value >= 1_000_000) {
      return String.format("%.2fM", value / 1_000_000);
    }
    if (value >= 10_000) {
      return String.format("%.0fk", value / 1000);
    }
    if (value >= 1000) {
      return String.format("%.1fk", value / 1000);
    }
    return value >= 10 || value == 0 ? String.format("%.0f", value) : String.format("%.2f", value);
  }
}
