package dev.nca.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A chart of a metric against a swept parameter: at every x the mean of the replicate values with
 * an error bar of plus and minus one sample standard deviation (none for a single value), the
 * means joined by a line, and each replicate drawn as a small light dot (the form of Figs 4 and 6
 * of Richardson et al. 2024). Drawn with the axes, grid and labels of {@link LossPlot}.
 *
 * <p>The x axis is logarithmic when every x is positive and the largest is at least 16 times the
 * smallest (e.g. time samplings 1..64), the y axis when every value is positive and spans more
 * than two decades. Non-finite values (e.g. a diverged model's error) are left out of the mean and
 * counted in the legend.
 */
public final class MeanSdPlot {

    private static final Color LINE = new Color(0x2A6FDB);
    private static final Color DOTS = new Color(0x9DB9EC);
    private static final Color GRID = new Color(0xE4E4E4);
    private static final Color AXIS = new Color(0x303030);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final TreeMap<Double, List<Double>> values = new TreeMap<>();
    private int omitted;

    /**
     * @param title  the chart title
     * @param xLabel the swept parameter
     * @param yLabel the metric
     */
    public MeanSdPlot(String title, String xLabel, String yLabel) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
    }

    /** Adds one replicate's value at {@code x} (finite); a non-finite value is counted as omitted. */
    public MeanSdPlot add(double x, double y) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, got " + x);
        }
        if (Double.isFinite(y)) {
            values.computeIfAbsent(x, k -> new ArrayList<>()).add(y);
        } else {
            omitted++;
        }
        return this;
    }

    /** The mean of the values at each x, in increasing x. */
    public double[] means() {
        return values.values().stream().mapToDouble(MeanSdPlot::mean).toArray();
    }

    /** The sample standard deviation (n - 1) at each x; 0 for a single value. */
    public double[] deviations() {
        return values.values().stream().mapToDouble(MeanSdPlot::deviation).toArray();
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).sum() / v.size();
    }

    static double deviation(List<Double> v) {
        if (v.size() < 2) {
            return 0;
        }
        double m = mean(v);
        double ss = v.stream().mapToDouble(d -> (d - m) * (d - m)).sum();
        return Math.sqrt(ss / (v.size() - 1));
    }

    /** Draws the chart, 640 x 400 pixels. */
    public BufferedImage render() {
        int width = 640;
        int height = 400;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            TextPainter text = new TextPainter(Math.max(10, Math.min(16, height / 30f)));
            AxisScale xs = xAxis();
            AxisScale ys = yAxis();
            PlotFrame frame = PlotFrame.layout(g, text, width, height, xs, ys, !title.isEmpty(), !yLabel.isEmpty());
            frame.drawGridAndAxes(g, text, xs, ys, AXIS, GRID);
            frame.drawLabels(g, text, title, xLabel, yLabel, AXIS);
            if (values.isEmpty()) {
                text.drawCentred(g, "no finite data", (int) ((frame.left() + frame.right()) / 2),
                        (int) ((frame.top() + frame.bottom()) / 2), AXIS);
            } else {
                g.clip(frame.area());
                draw(g, frame, xs, ys);
                g.setClip(null);
            }
            List<LossPlot.LegendEntry> legend = new ArrayList<>();
            legend.add(new LossPlot.LegendEntry("mean \u00b1 s.d.", LINE, false));
            if (omitted > 0) {
                legend.add(new LossPlot.LegendEntry(omitted + " non-finite omitted", AXIS, true));
            }
            frame.drawLegend(g, text, legend);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void draw(Graphics2D g, PlotFrame f, AxisScale xs, AxisScale ys) {
        Path2D.Double line = new Path2D.Double();
        boolean first = true;
        for (var e : values.entrySet()) {
            double px = f.px(xs.fraction(e.getKey()));
            g.setColor(DOTS);
            for (double y : e.getValue()) {
                if (!ys.isLog() || y > 0) {
                    g.fill(new Ellipse2D.Double(px - 2.5, f.py(ys.fraction(y)) - 2.5, 5, 5));
                }
            }
            double m = mean(e.getValue());
            double sd = deviation(e.getValue());
            if (ys.isLog() && m <= 0) {
                continue;
            }
            double py = f.py(ys.fraction(m));
            g.setColor(LINE);
            g.setStroke(new BasicStroke(1.5f));
            if (sd > 0) {
                double lo = ys.isLog() && m - sd <= 0 ? ys.min() : m - sd;
                double top = f.py(ys.fraction(m + sd));
                double bottom = f.py(ys.fraction(lo));
                g.draw(new Line2D.Double(px, top, px, bottom));
                g.draw(new Line2D.Double(px - 4, top, px + 4, top));
                g.draw(new Line2D.Double(px - 4, bottom, px + 4, bottom));
            }
            g.fill(new Ellipse2D.Double(px - 3.5, py - 3.5, 7, 7));
            if (first) {
                line.moveTo(px, py);
                first = false;
            } else {
                line.lineTo(px, py);
            }
        }
        g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
    }

    private AxisScale xAxis() {
        if (values.isEmpty()) {
            return AxisScale.linear(0, 1, false);
        }
        double lo = values.firstKey();
        double hi = values.lastKey();
        if (lo > 0 && hi / lo >= 16) {
            return AxisScale.log(lo, hi);
        }
        boolean integral = values.keySet().stream().allMatch(x -> x == Math.rint(x));
        return AxisScale.linear(lo, hi, integral);
    }

    private AxisScale yAxis() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Double> v : values.values()) {
            double m = mean(v);
            double sd = deviation(v);
            for (double y : v) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
            lo = Math.min(lo, m - sd);
            hi = Math.max(hi, m + sd);
        }
        if (hi < lo) {
            return AxisScale.linear(0, 1, false);
        }
        double loPositive = values.values().stream().flatMap(List::stream).filter(y -> y > 0)
                .mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        boolean allPositive = values.values().stream().flatMap(List::stream).allMatch(y -> y > 0);
        if (allPositive && hi / loPositive > 100) {
            return AxisScale.log(loPositive, hi);
        }
        return AxisScale.linear(lo, hi, false);
    }
}
